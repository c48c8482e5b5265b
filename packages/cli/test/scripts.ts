/**
 * Training scripts in the argparse styles the reader must handle. Each one writes TRAINED into
 * its folder if it ever gets past parsing its flags: the reader must never let that happen.
 */
import { write } from './fixtures.js';

const trains = 'from pathlib import Path\nPath(__file__).with_name("TRAINED").write_text("yes")\n';

/** choices, numbers, store_true/store_false, a required flag, a parser built in a function. */
export const inFunction = `import argparse

LEARNING_RATE = 0.01
OPTIMIZERS = ("adam", "sgd")


def build_parser():
    parser = argparse.ArgumentParser(description="Train.")
    parser.add_argument("--epochs", type=int, default=10, help="Number of epochs.")
    parser.add_argument("--lr", type=float, default=LEARNING_RATE, help="Learning rate.")
    parser.add_argument("--optimizer", choices=OPTIMIZERS, default="adam")
    parser.add_argument("--augment", action="store_true", help="Augment the data.")
    parser.add_argument("-S", "--no-shuffle", dest="shuffle", action="store_false")
    parser.add_argument("--data", required=True)
    parser.add_argument("--amp", action=argparse.BooleanOptionalAction, default=True)
    return parser


def main():
    args = build_parser().parse_args()
    ${trains.replaceAll('\n', '\n    ').trimEnd()}


if __name__ == "__main__":
    main()
`;

/** A parser at module level, parsed at import time. */
export const moduleLevel = `import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--batch-size", type=int, default=32)
parser.add_argument("--model", default="resnet", choices=["resnet", "vit"])
args = parser.parse_args()
${trains}`;

/** The body of a package module whose main() a [project.scripts] entry names. */
export const packageCli = `import argparse


def main() -> int:
    parser = argparse.ArgumentParser(prog="train-model")
    parser.add_argument("--seed", type=int, default=0, help="Random seed.")
    parser.parse_args()
    ${trains.replaceAll('\n', '\n    ').trimEnd()}
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
`;

/** Flags added but never parsed: importing it would run it to the end. */
export const neverParses = `import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--steps", type=int, default=5)
${trains}`;

/** A flag name the static reading cannot know. */
export const dynamicFlags = `import argparse

FLAGS = ["--alpha", "--beta"]
parser = argparse.ArgumentParser()
for flag in FLAGS:
    parser.add_argument(flag, type=float, default=1.0)
parser.add_argument("--gamma", type=float, default=0.5)
args = parser.parse_args()
${trains}`;

export const missingDependency = (script: string) =>
  `import not_installed_pkg  # noqa: F401\n${script}`;

/** A `src/trainer/` package with a `[project.scripts]` entry `train-model = "trainer.cli:main"`. */
export function writePackage(dir: string, cli = packageCli): void {
  write(
    dir,
    'pyproject.toml',
    '[project]\nname = "trainer"\n\n[project.scripts]\ntrain-model = "trainer.cli:main"\n',
  );
  write(dir, 'src/trainer/__init__.py', '');
  write(dir, 'src/trainer/cli.py', cli);
}

/** A hash-locked requirements file, as the training workflows install it (`add` refuses one without). */
export const lockedRequirements = `numpy==2.1.0 \\\n    --hash=sha256:${'0'.repeat(64)}\n`;
