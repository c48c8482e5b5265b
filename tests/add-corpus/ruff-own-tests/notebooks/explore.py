# Scratch cells exported from a notebook; the team's ruff settings exclude this folder.
import os, sys
x=1
