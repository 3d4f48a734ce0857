import seeds from './topic-lexicon.json';

/**
 * General news vocabulary per top-level IPTC Media Topic (topic-lexicon.json): the seed the topic
 * model is trained on (train-topic-model.ts), with the IPTC vocabulary's own labels and
 * definitions and the cues of topic-rules.json. Written for news at large, not for any page of an
 * evaluation set. `cues` are typical of the topic; `strong` cues on their own say what a story is
 * about. Lower case, one or two words (the model reads words and pairs of words), singular or
 * plural alike (both are stemmed). `label` names the topic for whoever edits the list.
 *
 * A word shared by several topics is fine: the model learns it says little. Changing the list
 * changes nothing until the model is trained again
 * (`node dist/libs/enrichment/src/topics/train-topic-model.js`).
 */
export interface TopicSeed {
  code: string;
  label?: string;
  cues: readonly string[];
  strong?: readonly string[];
}

export const TOPIC_SEEDS: readonly TopicSeed[] = seeds;
