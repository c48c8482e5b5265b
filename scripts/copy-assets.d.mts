export function copyAssets(distUrl: URL): void;
