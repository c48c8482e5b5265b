# Reads config files and --key=value arguments into the caller's globals, e.g.
#   python train.py config/train_small.py --batch_size=16
# Executed with exec() by train.py, so it sees and changes train.py's globals.
import sys
from ast import literal_eval

for arg in sys.argv[1:]:
    if "=" not in arg:
        assert not arg.startswith("--"), f"{arg} has no value"
        print(f"Overriding config with {arg}:")
        with open(arg) as f:
            print(f.read())
        exec(open(arg).read())
    else:
        assert arg.startswith("--"), f"{arg} is not --key=value"
        key, val = arg.split("=", 1)
        key = key[2:]
        if key not in globals():
            raise ValueError(f"Unknown config key: {key}")
        try:
            attempt = literal_eval(val)
        except (SyntaxError, ValueError):
            attempt = val
        assert type(attempt) is type(globals()[key]), f"{key} expects {type(globals()[key])}"
        print(f"Overriding: {key} = {attempt}")
        globals()[key] = attempt
