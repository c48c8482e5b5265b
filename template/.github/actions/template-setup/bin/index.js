#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-fVe_vNaD.js`);export{};