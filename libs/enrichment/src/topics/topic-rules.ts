/**
 * Hand-picked news terms per IPTC Media Topic, on top of the terms derived from the
 * vocabulary's own labels (see topic-tagger.ts). `cues` weigh 1; `strong` cues weigh 1.5 and
 * on their own say what the story is about ("ceasefire", "election"). Comma-separated (line
 * breaks are only layout), lower case, matched on word boundaries, singular or plural.
 */
export interface TopicRule {
  code: string;
  cues: string;
  strong?: string;
}

/** "a, b,\n c" -> ["a", "b", "c"]. */
export function termList(terms: string | undefined): string[] {
  return (terms ?? '')
    .split(',')
    .map((term) => term.trim())
    .filter((term) => term.length > 0);
}

export const TOPIC_RULES: readonly TopicRule[] = [
  {
    code: 'medtop:01000000', // arts, culture, entertainment and media
    cues: `
      film, movie, album, song, singer, actor, actress, concert, museum, exhibition, novel,
      author, artist, theatre, theater, festival, director, box office, television, broadcaster,
      celebrity
    `,
    strong: 'oscar, grammy, hollywood, premiere, box office',
  },
  {
    code: 'medtop:02000000', // crime, law and justice
    cues: `
      police, court, judge, trial, lawyer, prosecutor, arrest, arrested, charged, convicted,
      sentenced, prison, jail, crime, criminal, murder, suspect, investigation, lawsuit, verdict,
      fraud, theft, shooting
    `,
    strong: 'indicted, manslaughter, homicide, supreme court, guilty',
  },
  {
    code: 'medtop:03000000', // disaster, accident and emergency incident
    cues: `
      earthquake, flood, flooding, wildfire, fire, crash, accident, collapse, explosion, rescue,
      victims, injured, killed, evacuation, emergency
    `,
    strong: 'hurricane, tsunami, landslide, derailment, plane crash, death toll',
  },
  {
    code: 'medtop:04000000', // economy, business and finance
    cues: `
      economy, economic, market, company, business, investment, investor, trade, bank, profit,
      revenue, shares, stock, price, inflation, growth, oil, gas, energy, industry, export,
      import, tariff, budget, debt, gdp, billion, million
    `,
    strong: 'central bank, interest rate, stock market, earnings, merger, acquisition',
  },
  {
    code: 'medtop:05000000', // education
    cues: `
      school, university, student, teacher, pupil, education, curriculum, exam, college, campus,
      tuition
    `,
  },
  {
    code: 'medtop:06000000', // environment
    cues: `
      environment, environmental, climate, emissions, pollution, wildlife, conservation,
      biodiversity, forest, species, carbon, renewable
    `,
    strong: 'climate change, global warming, greenhouse gas',
  },
  {
    code: 'medtop:07000000', // health
    cues: `
      health, hospital, doctor, patient, disease, virus, vaccine, medical, treatment, cancer,
      drug, outbreak, infection, nurse, clinic
    `,
    strong: 'pandemic, epidemic, public health',
  },
  {
    code: 'medtop:08000000', // human interest
    cues: 'birthday, anniversary, wedding, royal, celebrity, award, prize, record',
  },
  {
    code: 'medtop:09000000', // labor
    cues: `
      jobs, worker, employee, employer, wage, salary, union, strike, unemployment, employment,
      pension, labour, labor
    `,
    strong: 'trade union, minimum wage, layoffs',
  },
  {
    code: 'medtop:10000000', // lifestyle and leisure
    cues: `
      travel, tourism, tourist, holiday, vacation, recipe, restaurant, fashion, hobby, fitness,
      garden
    `,
  },
  {
    code: 'medtop:11000000', // politics
    cues: `
      president, minister, government, talks, bilateral, diplomat, diplomatic, spokesman,
      spokeswoman, kremlin, parliament, senate, congress, policy, politics, political, politician,
      party, vote, lawmaker, sanctions, summit, relations, authorities, emir, king, prime
      minister, cabinet, opposition, leader, state department, white house, ministry, embassy,
      ambassador, treaty
    `,
    strong: 'election, referendum, diplomacy, foreign minister, foreign ministry, head of state',
  },
  {
    code: 'medtop:12000000', // religion
    cues: `
      church, mosque, temple, synagogue, religious, religion, faith, pope, bishop, imam, rabbi,
      priest, muslim, christian, jewish, hindu, buddhist, prayer, pilgrim
    `,
  },
  {
    code: 'medtop:13000000', // science and technology
    cues: `
      science, scientist, research, researcher, study, technology, software, computer, internet,
      data, satellite, space, nasa, robot, artificial intelligence, physics, chemistry, biology,
      app, smartphone
    `,
    strong: 'artificial intelligence, machine learning, spacecraft',
  },
  {
    code: 'medtop:14000000', // society
    cues: `
      community, family, families, children, poverty, immigration, immigrant, migrant, refugee,
      discrimination, racism, homeless, welfare, charity, gender, equality, social
    `,
  },
  {
    code: 'medtop:15000000', // sport
    cues: `
      match, game, team, player, coach, season, league, championship, tournament, goal, score,
      win, won, cup, club, stadium, race, medal, olympic, football, soccer, tennis, cricket,
      basketball, baseball, rugby, golf
    `,
    strong: 'world cup, premier league, olympics, grand slam',
  },
  {
    code: 'medtop:16000000', // conflict, war and peace
    cues: `
      military, army, peace, attack, soldiers, forces, violence, weapons, missile, bombing,
      fighting, militants, rebels, security, defence, defense, clashes, occupation, hostilities,
      protest, protesters
    `,
    strong: `
      conflict, war, ceasefire, troops, airstrike, air strike, invasion, insurgency, terrorist,
      terrorism, truce, peace talks, armed conflict
    `,
  },
  {
    code: 'medtop:17000000', // weather
    cues: 'weather, temperature, rain, snow, storm, wind, heatwave, forecast, drought, cold',
    strong: 'weather forecast, meteorological, heat wave',
  },
  // Second level, where a cue is specific enough to say so.
  {
    code: 'medtop:20000638', // international relations
    cues: `
      bilateral, relations, talks, diplomat, diplomatic, embassy, ambassador, summit, treaty,
      sanctions, foreign minister, foreign ministry
    `,
    strong: 'diplomacy, bilateral relations, foreign policy',
  },
  {
    code: 'medtop:20000574', // election
    cues: 'vote, voters, ballot, polls, candidate, campaign',
    strong: 'election, referendum, electoral',
  },
  {
    code: 'medtop:20000056', // armed conflict
    cues: 'military, army, soldiers, fighting, forces, missile, airstrike, clashes',
    strong: 'war, troops, invasion, offensive',
  },
  {
    code: 'medtop:20000073', // peace process
    cues: 'peace, negotiations, mediation',
    strong: 'ceasefire, truce, peace talks, peace deal, peace process',
  },
];
