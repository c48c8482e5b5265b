#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-DZ59WZDk.js`);export{};