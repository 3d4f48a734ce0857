import vocabulary from './iptc-media-topics.json';
import { TOPIC_RULES } from './topic-rules';
import { MIN_WORDS_FOR_TOPIC, stem, tagTopics } from './topic-tagger';
import { toZones } from '../text/text-zones';

const topicsOf = (text: string, title?: string): string[] =>
  tagTopics(toZones({ title, text })).map((topic) => topic.code);

/** The top-level topics, best first. */
const broadOf = (text: string, title?: string): { code: string; score: number }[] =>
  tagTopics(toZones({ title, text }))
    .filter((topic) => topic.level === 1)
    .map(({ code, score }) => ({ code, score }));

const TECHNOLOGY = 'medtop:13000000';

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

describe(`${tagTopics.name}: technology`, () => {
  // Stories the rules filed under business or entertainment, or under no topic at all.
  const stories: [string, string][] = [
    [
      'Phone maker unveils slimmer handset',
      'The company showed a thinner smartphone with a larger screen, a faster chip and a ' +
        'camera that works better at night. Its shares rose 3 percent; the firm expects to ' +
        'sell 10 million of the handsets, which go on sale next month for 799 dollars.',
    ],
    [
      'Virus writers target mobile phones',
      'A virus that spreads between mobile phones over Bluetooth has been found in twelve ' +
        "countries, an anti-virus firm said. It drains the handset's battery and sends costly " +
        "text messages; the makers of the phones' software have issued a fix.",
    ],
    [
      'Film studio hit by hackers',
      "Hackers broke into the film studio's computer network and leaked unreleased movies " +
        'and staff e-mails online, the company said. Investigators believe the attackers used ' +
        'stolen passwords and planted malware that wiped data from thousands of machines.',
    ],
    [
      'Broadband use doubles as more homes go online',
      'Twice as many households now have a broadband connection as two years ago, the ' +
        'regulator said. People spend more time on the internet, streaming video, using ' +
        'search engines and chatting through instant messaging programs and social networks.',
    ],
    [
      'Music fans flock to download services',
      'Sales of songs over the internet tripled last year as fans moved from CDs to digital ' +
        "downloads on their phones and computers, and the industry's online stores now sell " +
        "more singles than shops do, the record labels' body said.",
    ],
    [
      'Operator switches on its 5G network',
      'The mobile operator switched on its 5G network in ten cities on Monday and said ' +
        'subscribers would pay no more for the faster connection. It has spent 2 billion ' +
        'euros on spectrum and base stations, and rivals plan to follow next year.',
    ],
  ];

  it.each(stories)('files "%s" under science and technology', (title, text) => {
    expect(broadOf(text, title)[0]?.code).toBe(TECHNOLOGY);
  });
});

describe(`${tagTopics.name}: short items`, () => {
  // About 40 words each, with few cues: the rules gave each of these no topic.
  const items: [string, string, string][] = [
    [
      'world',
      'medtop:16000000',
      'Gunmen ambushed a convoy carrying aid workers north of the capital on Wednesday, ' +
        'killing two drivers, a day after the rival factions agreed to let relief supplies ' +
        "through, the country's interior ministry and witnesses said.",
    ],
    [
      'sports',
      'medtop:15000000',
      'The Yankees rallied for three runs in the ninth inning to edge the Red Sox 5-4 on ' +
        "Tuesday night, with Derek Jeter's two-run single off the closer deciding it in front " +
        'of a sellout crowd at the Stadium in the Bronx.',
    ],
    [
      'business',
      'medtop:04000000',
      'Crude futures climbed above 50 dollars a barrel in New York trading as a cold snap ' +
        'in the US Northeast raised demand for heating fuel and OPEC signalled it would keep ' +
        "output unchanged at next month's meeting.",
    ],
    [
      'sci-tech',
      TECHNOLOGY,
      'The software maker released a new version of its operating system on Thursday, with ' +
        'better protection against viruses and a redesigned web browser. Users of older ' +
        'versions can download the upgrade free of charge for a year.',
    ],
  ];

  it.each(items)('gives a %s item its topic', (_name, code, text) => {
    expect(broadOf(text)[0]?.code).toBe(code);
  });
});

describe(`${tagTopics.name}: coverage`, () => {
  it(`gives every text of ${MIN_WORDS_FOR_TOPIC} words or more one top-level topic`, () => {
    const bland =
      'He said that it was a long day and that they would see what happens next, as they had ' +
      'always done before, and then they went home and waited for the others to come back.';
    expect(bland.split(' ').length).toBeGreaterThanOrEqual(MIN_WORDS_FOR_TOPIC);
    const broad = broadOf(bland);
    expect(broad).toHaveLength(1);
    // Weak evidence, low score: honest about a guess.
    expect(broad[0]?.score).toBeLessThan(0.5);
  });

  it('gives a shorter text a topic only when sure', () => {
    expect(broadOf('He said that it was a long day.')).toEqual([]);
    expect(broadOf('Quarterback throws three touchdowns as the team wins the Super Bowl')).toEqual([
      { code: 'medtop:15000000', score: expect.any(Number) },
    ]);
  });

  it('emits a second top-level topic only when it is close to the best', () => {
    const broad = broadOf(
      'The football club was fined and its chairman arrested on fraud charges after police ' +
        'raided the stadium offices; prosecutors say transfer fees were used to launder money.',
    );
    expect(broad.length).toBeLessThanOrEqual(2);
    for (const topic of broad.slice(1))
      expect(topic.score).toBeGreaterThanOrEqual(0.5 * (broad[0]?.score ?? 0));
  });
});

describe('topic rules', () => {
  it('name only codes of the vocabulary', () => {
    const codes = new Set(vocabulary.topics.map((topic) => topic.code));
    for (const rule of TOPIC_RULES) expect(codes).toContain(rule.code);
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
