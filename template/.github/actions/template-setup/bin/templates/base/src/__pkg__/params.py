"""The hyperparameters: one frozen dataclass whose fields are also the flags of train.py."""

import argparse
from dataclasses import dataclass, field, fields
from typing import Any

ParamValue = int | float | str


@dataclass(frozen=True)
class Bounded:
    """An argparse type: a number of `kind` from `minimum` to `maximum`, both included."""

    kind: type[int] | type[float]
    minimum: int | float
    maximum: int | float

    def __call__(self, text: str) -> int | float:
        try:
            value = self.kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {self}, got {text!r}") from None
        # `not a <= x <= b` also rejects nan, which compares false with everything.
        if not self.minimum <= value <= self.maximum:
            raise argparse.ArgumentTypeError(f"expected {self}, got {text!r}")
        return value

    def __str__(self) -> str:
        noun = "an integer" if self.kind is int else "a number"
        return f"{noun} from {self.minimum} to {self.maximum}"


def integer(default: int, description: str, *, minimum: int, maximum: int) -> int:
    """A field for an integer flag with an inclusive range."""
    convert = Bounded(int, minimum, maximum)
    return field(default=default, metadata={"description": description, "type": convert})


def number(default: float, description: str, *, minimum: float, maximum: float) -> float:
    """A field for a floating-point flag with an inclusive range."""
    convert = Bounded(float, minimum, maximum)
    return field(default=default, metadata={"description": description, "type": convert})


def choice(default: str, description: str, *, choices: tuple[str, ...]) -> str:
    """A field for a flag that takes one of a few names."""
    metadata = {"description": description, "type": str, "choices": choices}
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class Params:
    """Hyperparameters of one run. Field `max_depth` is the flag `--max-depth`.

    ml-cicd.yaml lists the same parameters for the Train workflow's inputs; the tests fail when the
    two disagree, so change both together.
    """

    n_estimators: int = integer(100, "Number of trees in the forest.", minimum=1, maximum=1000)
    max_depth: int = integer(8, "Maximum depth of each tree.", minimum=1, maximum=64)
    criterion: str = choice(
        "gini",
        "Function that measures the quality of a split.",
        choices=("gini", "entropy", "log_loss"),
    )
    test_size: float = number(
        0.25, "Fraction of the data held out for evaluation.", minimum=0.05, maximum=0.5
    )
    # numpy and scikit-learn accept seeds up to 2**32 - 1.
    seed: int = integer(42, "Seed for every random source.", minimum=0, maximum=2**32 - 1)

    def as_dict(self) -> dict[str, ParamValue]:
        """The values by parameter name, spelled as in ml-cicd.yaml (`max-depth`)."""
        return {param_name(spec.name): getattr(self, spec.name) for spec in fields(self)}


def param_name(field_name: str) -> str:
    """The name of a parameter in ml-cicd.yaml and on the command line (without `--`)."""
    return field_name.replace("_", "-")


def arguments() -> dict[str, dict[str, Any]]:
    """Each flag of train.py with the keyword arguments of its `add_argument` call."""
    result: dict[str, dict[str, Any]] = {}
    for spec in fields(Params):
        convert = spec.metadata["type"]
        options: dict[str, Any] = {"dest": spec.name, "default": spec.default, "type": convert}
        if isinstance(convert, Bounded):
            options["metavar"] = convert.kind.__name__.upper()
            allowed = f"{convert}; default: %(default)s"
        else:
            # argparse shows the choices as the metavar, so the help only adds the default.
            options["choices"] = spec.metadata["choices"]
            allowed = "default: %(default)s"
        options["help"] = f"{spec.metadata['description']} ({allowed})"
        result[f"--{param_name(spec.name)}"] = options
    return result


def build_parser() -> argparse.ArgumentParser:
    """The command-line parser: one flag per field of Params."""
    parser = argparse.ArgumentParser(
        prog="train.py",
        description=(
            "Train and evaluate the model, then record the parameters, metrics and model file. "
            "Settings such as the output folder come from TRAIN_* environment variables."
        ),
    )
    for flag, options in arguments().items():
        parser.add_argument(flag, **options)
    return parser


def parse_params(argv: list[str] | None = None) -> Params:
    """Params from command-line flags; a bad value exits with status 2 and names the flag."""
    return Params(**vars(build_parser().parse_args(argv)))
