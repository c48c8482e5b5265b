#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-CtH8r_Pf.js`);export{};