"""Fine-tunes a sequence classifier; its flags are the fields of the dataclasses below."""

import json
import os
from dataclasses import dataclass, field
from typing import Optional

from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    HfArgumentParser,
    Trainer,
    TrainingArguments,
)


@dataclass
class ModelArguments:
    model_name_or_path: str = field(
        default="distilbert-base-uncased",
        metadata={"help": "Model identifier on the hub or a local path"},
    )
    cache_dir: Optional[str] = field(default=None, metadata={"help": "Where to keep downloads"})
    freeze_encoder: bool = field(default=False, metadata={"help": "Train the head only"})


@dataclass
class DataTrainingArguments:
    dataset_name: str = field(default="imdb", metadata={"help": "Dataset on the hub"})
    max_seq_length: int = field(default=128, metadata={"help": "Tokens per example"})
    max_train_samples: Optional[int] = field(
        default=None, metadata={"help": "Truncate the training set, for quick runs"}
    )


def main():
    parser = HfArgumentParser((ModelArguments, DataTrainingArguments, TrainingArguments))
    model_args, data_args, training_args = parser.parse_args_into_dataclasses()
    tokenizer = AutoTokenizer.from_pretrained(model_args.model_name_or_path)
    model = AutoModelForSequenceClassification.from_pretrained(model_args.model_name_or_path)
    trainer = Trainer(model=model, args=training_args, tokenizer=tokenizer)
    metrics = trainer.evaluate()
    os.makedirs(training_args.output_dir, exist_ok=True)
    with open(os.path.join(training_args.output_dir, "metrics.json"), "w") as file:
        json.dump(metrics, file)


if __name__ == "__main__":
    main()
