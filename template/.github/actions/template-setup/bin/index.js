#!/usr/bin/env node
import e from"node:module";e.enableCompileCache?.(),await import(`./main-Dt5FWkP-.js`);export{};