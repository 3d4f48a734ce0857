import vocabulary from './iptc-media-topics.json';
import { TOPIC_RULES } from './topic-rules';
import { labelPhrases, stem, tagTopics } from './topic-tagger';
import { toZones } from './text-zones';

const topicsOf = (text: string, title?: string): string[] =>
  tagTopics(toZones({ title, text })).map((topic) => topic.code);

describe(tagTopics.name, () => {
  it('files a match report under sport', () => {
    const codes = topicsOf(
      'The striker scored twice as the team won the league match and the coach praised the players.',
    );
    expect(codes).toEqual(['medtop:15000000']);
  });

  it('files a ceasefire story under conflict and its narrower topics', () => {
    const codes = topicsOf(
      'A ceasefire was agreed as troops withdrew after the war; peace talks open next week.',
    );
    expect(codes[0]).toBe('medtop:16000000');
    expect(codes).toEqual(expect.arrayContaining(['medtop:20000073']));
  });

  it('returns no topic for a text without cues', () => {
    expect(topicsOf('The cat sat on the mat.')).toEqual([]);
  });

  it('labels topics from the IPTC vocabulary and scores them 0..1, highest first', () => {
    const topics = tagTopics(
      toZones({
        title: 'Election called as government collapses',
        text: 'The president dissolved parliament; the opposition party welcomed the vote.',
      }),
    );
    expect(topics[0]).toEqual({
      code: 'medtop:11000000',
      label: 'politics',
      score: expect.any(Number),
      level: 1,
    });
    for (const topic of topics) {
      expect(topic.score).toBeGreaterThan(0);
      expect(topic.score).toBeLessThanOrEqual(1);
    }
    expect(topics.map((t) => t.score)).toEqual(
      [...topics.map((t) => t.score)].sort((a, b) => b - a),
    );
  });

  it('does not let one word repeated make a topic', () => {
    expect(topicsOf('Rain. Rain. Rain. Rain. Rain. Rain. Rain. Rain.')).toEqual([]);
  });
});

describe('topic rules', () => {
  it('name only codes of the vocabulary', () => {
    const codes = new Set(vocabulary.topics.map((topic) => topic.code));
    for (const rule of TOPIC_RULES) expect(codes).toContain(rule.code);
  });
});

describe(labelPhrases.name, () => {
  it('splits a label into cue phrases and drops vague words', () => {
    expect(labelPhrases('robbery and theft')).toEqual(['robbery', 'theft']);
    expect(labelPhrases('peace talks')).toEqual(['peace talks']);
    expect(labelPhrases('investigation (criminal)')).toEqual(['investigation']);
    expect(labelPhrases('media')).toEqual([]);
  });
});

describe(stem.name, () => {
  it('meets plurals halfway', () => {
    expect(['talks', 'clashes', 'casualties', 'troops', 'news'].map(stem)).toEqual([
      'talk',
      'clash',
      'casualty',
      'troop',
      'new',
    ]);
    expect(stem('crisis')).toBe('crisis');
  });
});
