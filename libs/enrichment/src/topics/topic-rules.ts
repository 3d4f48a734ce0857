import rules from './topic-rules.json';

/**
 * Hand-picked news terms per IPTC Media Topic (topic-rules.json), on top of the terms derived
 * from the vocabulary's own labels (see topic-tagger.ts): the 17 top-level topics, then
 * second-level ones where a cue is specific enough to say so. `cues` weigh 1; `strong` cues
 * weigh 1.5 and on their own say what the story is about ("ceasefire", "election"). Lower case,
 * matched on word boundaries, singular or plural. `label` names the topic for whoever edits the
 * list.
 */
export interface TopicRule {
  code: string;
  label?: string;
  cues: readonly string[];
  strong?: readonly string[];
}

export const TOPIC_RULES: readonly TopicRule[] = rules;
