/** One runner label in ml-cicd.yaml's schema: the hosted and self-hosted runners' branches use it. */
import { runnerLabel, type JsonSchema } from '@ml-cicd/config';

export const runnerLabelSchema: JsonSchema = {
  title: 'Label',
  description: `One runner label: ${runnerLabel.meaning}.`,
  type: 'string',
  pattern: runnerLabel.pattern,
};
