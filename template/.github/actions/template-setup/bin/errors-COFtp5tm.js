#!/usr/bin/env node
var e=class extends Error{name=`UserError`},t=class extends Error{name=`UsageError`};export{e as n,t};