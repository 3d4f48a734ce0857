/**
 * General news vocabulary per top-level IPTC Media Topic: the seed the topic model is trained on
 * (train-topic-model.ts), with the IPTC vocabulary's own labels and
 * definitions and the cues of topic-rules.ts. Written for news at large, not for any page of an
 * evaluation set. `cues` are typical of the topic; `strong` cues on their own say what a story is
 * about. Comma-separated (line breaks are only layout), lower case, one or two words (the model
 * reads words and pairs of words), singular or plural alike (both are stemmed).
 *
 * A word shared by several topics is fine: the model learns it says little. Changing this file
 * changes nothing until the model is trained again (`node dist/libs/enrichment/src/topics/train-topic-model.js`).
 */
export interface TopicSeed {
  code: string;
  cues: string;
  strong?: string;
}

export const TOPIC_SEEDS: readonly TopicSeed[] = [
  {
    code: 'medtop:01000000', // arts, culture, entertainment and media
    cues: `
      film, films, movie, movies, cinema, album, song, songs, singer, band, music, musician,
      actor, actress, concert, tour, museum, exhibition, gallery, novel, book, books, author,
      writer, poet, poetry, artist, painting, sculpture, theatre, theater, festival, director,
      television, tv, broadcaster, celebrity, star, stars, show, series, episode, season finale,
      sitcom, drama, comedy, comedian, documentary, box office, studio, producer, screenplay,
      script, cast, role, starring, sequel, franchise, streaming, netflix, disney, hbo, warner,
      record label, chart, charts, single, hit, rapper, rap, pop, rock, jazz, hip hop, opera,
      ballet, dance, dancer, orchestra, symphony, composer, lyrics, fans, audience, premiere,
      red carpet, magazine, newspaper, journalist, journalism, editor, publisher, publishing,
      radio, podcast, media, critic, review, reviews, trailer, animation, animated, cartoon,
      comic, comics, culture, cultural, heritage, art, arts, artwork, photographer, photography,
      fashion designer, model, entertainment, showbiz, reality show, talent show, host,
      presenter, interview, bbc, itv, channel, viewers, ratings, broadway, west end, bestseller,
      memoir, biopic, remake, soundtrack, fest, tickets, headliner, headliners, lineup,
      performers, performance, performances, gig, gigs, stage, parade, carnival, mardi gras,
      costume, costumes, floats, cultural festival, music festival, arts festival
    `,
    strong: `
      oscar, oscars, grammy, grammys, emmy, emmys, golden globe, bafta, hollywood, bollywood,
      box office, academy award, film festival, cannes, eurovision, booker prize, album
      release, new album, music video, rock band, pop star, film star, movie star
    `,
  },
  {
    code: 'medtop:02000000', // crime, law and justice
    cues: `
      police, officer, officers, detective, court, judge, judges, trial, lawyer, attorney,
      prosecutor, prosecutors, prosecution, defendant, arrest, arrested, charged, charge,
      charges, convicted, conviction, sentenced, sentence, prison, jail, inmate, crime, crimes,
      criminal, murder, murdered, killing, suspect, suspects, investigation, investigators,
      lawsuit, sued, sue, verdict, fraud, theft, robbery, burglary, stolen, shooting, gunman,
      stabbing, stabbed, assault, rape, abuse, kidnapping, kidnapped, smuggling, trafficking,
      drug dealer, cartel, gang, gangs, mafia, corruption, bribery, bribe, embezzlement,
      money laundering, jury, testimony, testified, witness, appeal, ruling, ruled, law, laws,
      legal, illegal, lawful, unlawful, justice, plea, pleaded, custody, bail, parole, probation,
      warrant, raid, seized, fbi, scotland yard, attorney general, district attorney, felony,
      misdemeanor, accused, poisoned, poisoning, nerve agent, allegation, allegations, alleged, victim, hacking charges, cybercrime,
      extradition, extradited, fined, fine, penalty, court case, legal action, class action,
      settlement, copyright, patent, infringement, piracy, lawsuit filed, constitution,
      constitutional, supreme court, high court, tribunal, magistrate, coroner, inquest
    `,
    strong: `
      indicted, indictment, manslaughter, homicide, guilty, pleaded guilty, not guilty,
      convicted, sentenced, life sentence, death penalty, murder charge, jury, arrested,
      police said, court heard, trial, prosecutors
    `,
  },
  {
    code: 'medtop:03000000', // disaster, accident and emergency incident
    cues: `
      earthquake, quake, flood, floods, flooding, wildfire, wildfires, bushfire, fire, fires,
      blaze, firefighters, crash, crashed, accident, accidents, collapse, collapsed, explosion,
      rescue, rescuers, rescued, death toll, evacuation, evacuated, emergency, disaster, disasters, tragedy, survivors, missing,
      search and rescue, debris, rubble, volcano, eruption, erupted, avalanche, mudslide,
      sinkhole, capsized, shipwreck, sank, sinking, derailed, train crash, car crash, road
      accident, collision, pileup, leak, spill, gas leak, oil spill, aftershock, magnitude,
      emergency services, paramedics, ambulance, red cross, relief, aid workers, famine,
      humanitarian, displaced, homeless, damage, damaged, destroyed, burned, drowned, drowning,
      stampede, plane crash, helicopter crash, air crash, black box, survivor
    `,
    strong: `
      hurricane, typhoon, cyclone, tornado, tsunami, landslide, derailment, plane crash, death
      toll, earthquake, wildfire, magnitude, volcanic eruption, natural disaster, state of
      emergency
    `,
  },
  {
    code: 'medtop:04000000', // economy, business and finance
    cues: `
      economy, economic, economist, economists, market, markets, company, companies, firm,
      firms, business, businesses, investment, investor, investors, invest, trade, trading,
      bank, banks, banking, profit, profits, loss, losses, revenue, revenues, sales, shares,
      share price, stock, stocks, stock market, price, prices, inflation, growth, recession,
      oil, oil price, crude, gas, energy, industry, industrial, manufacturing, export, exports,
      import, imports, tariff, tariffs, budget, debt, deficit, gdp,
      euro, euros, pound, yen, currency, exchange rate, forex, bond, bonds, yield,
      yields, treasury, fund, funds, hedge fund, asset, assets, equity, private equity, ipo,
      listing, listed, nasdaq, dow, dow jones, s&p, ftse, nikkei, index, wall street, shareholder,
      shareholders, dividend, quarter, quarterly, fiscal, annual, forecast, outlook, analyst,
      analysts, ceo, chief executive, executive, executives, chairman, board, boardroom, deal,
      deals, takeover, merger, acquisition, acquire, acquired, bid, buyout, stake, valuation,
      startup, startups, venture capital, customer, customers, consumer, consumers, retail,
      retailer, retailers, store, stores, shopping, brand, brands, product, products, supply
      chain, supplier, suppliers, factory, factories, output, production, demand, supply,
      commodity, commodities, gold, copper, steel, wheat, airline, airlines, carmaker,
      automaker, car sales, vehicle, vehicles, electric vehicle, bankruptcy, bankrupt,
      insolvency, creditors, loan, loans, lending, lender, mortgage, mortgages, credit, interest
      rates, rate cut, rate hike, federal reserve, fed, ecb, central bank, imf, world bank, wto,
      finance, financial, finances, tax, taxes, taxation, subsidies, subsidy, spending,
      earnings, turnover, margin, margins, cost, costs, costly, cheap, expensive, pricing,
      insurance, insurer, property, real estate, housing market, house prices, rent, tourism
      industry, crypto, cryptocurrency, bitcoin, blockchain, fintech, payments, payment,
      advertising, advertisers, marketing, contract, contracts, regulator, regulators,
      antitrust, competition, monopoly, trade mission, trade delegation, business delegation, shares rose, shares fell, percent, per cent, growth
      rate, jobs report, trade war, trade deal, sanctions, boeing, airbus, toyota, volkswagen,
      tesla, walmart, amazon
    `,
    strong: `
      central bank, interest rate, interest rates, stock market, earnings, merger, acquisition,
      gdp, inflation, recession, shareholders, stock exchange, wall street, quarterly profit,
      quarterly results, annual profit, profit warning, chief executive, ipo, bankruptcy,
      trade deficit, economic growth, share price, oil prices, federal reserve
    `,
  },
  {
    code: 'medtop:05000000', // education
    cues: `
      school, schools, university, universities, student, students, teacher, teachers, pupil,
      pupils, education, educational, curriculum, exam, exams, examination, college, colleges,
      campus, tuition, classroom, classrooms, lesson, lessons, teaching,
      graduation, professor, lecturer, academics, scholarship,
      kindergarten, preschool, primary school, secondary school, high school, headteacher,
      enrolment, enrollment, literacy, homework, grades, diploma, phd, faculty,
      vocational, apprenticeship, school board, education ministry, student loans
    `,
    strong: 'school, university, students, teachers, education, curriculum, tuition fees',
  },
  {
    code: 'medtop:06000000', // environment
    cues: `
      environment, environmental, climate, emissions, pollution, polluted, air quality,
      smog, wildlife, conservation, biodiversity, forest, forests, deforestation, species,
      endangered, extinction, carbon, carbon dioxide, co2, renewable, renewables, solar, wind
      power, wind farm, fossil fuels, coal, plastic, plastics, recycling, waste, landfill,
      habitat, ecosystem, ecosystems, ocean, oceans, coral, reef, glacier, glaciers, ice sheet,
      sea level, sea levels, green, greenpeace, activists, net zero, paris agreement, cop,
      methane, sustainability, sustainable, clean energy, pesticide, toxic, contamination,
      sewage, water quality, national park, environmentalists, poaching, whales, elephants,
      rainforest, amazon rainforest, warming, heat records
    `,
    strong: `
      climate change, global warming, greenhouse gas, greenhouse gases, carbon emissions,
      biodiversity, deforestation, air pollution, climate crisis, endangered species
    `,
  },
  {
    code: 'medtop:07000000', // health
    cues: `
      health, healthcare, health care, hospital, hospitals, doctor, doctors, patient, patients,
      disease, diseases, virus, vaccine, vaccines, vaccination, medical, medicine, medicines,
      treatment, treatments, cancer, tumour, tumor, drug, drugs, pharmaceutical, outbreak,
      infection, infections, infected, nurse, nurses, clinic, clinics, surgery, surgeon,
      diagnosis, diagnosed, symptoms, therapy, heart, heart disease, stroke, diabetes, obesity,
      diet, mental health, depression, anxiety, dementia, alzheimer, hiv, aids, malaria,
      tuberculosis, flu, influenza, covid, coronavirus, ebola, measles, cholera, mortality,
      life expectancy, world health organization, nhs, fda, cdc, clinical trial, clinical,
      trial results, medication, prescription, pharmacy, opioid, opioids, overdose, addiction,
      smoking, tobacco, alcohol, vaping, nutrition, sleep, blood, blood pressure, brain,
      transplant, organ, pregnancy, pregnant, births, maternal, health insurance, medicare,
      medicaid, care homes, ward, intensive care, icu, ambulance, epidemic, pandemic,
      antibiotics, bacteria, immune, immunity, genetic, gene therapy, food safety, food
      hygiene, hygiene, food poisoning, contaminated, inspection, inspectors
    `,
    strong: `
      pandemic, epidemic, public health, vaccine, clinical trial, cancer, hospital, patients,
      outbreak, health ministry, world health organization, mental health
    `,
  },
  {
    code: 'medtop:08000000', // human interest
    cues: `
      birthday, anniversary, wedding, married, marriage, royal, royals, prince, princess,
      queen, duke, duchess, royal family, celebrity, couple, baby, born, pets, pet, dog, cat,
      animal, zoo, centenarian, oldest, heartwarming, viral, quirky, odd, bizarre, reunited,
      hero, kindness, surprise, lottery, jackpot, winner, record, guinness, world record,
      award, prize, honour, honored, tribute, obituary, died aged, dies at, remembered,
      funeral, memorial, family, daughter, son, mother, father, grandmother, grandfather,
      engaged, engagement, divorce, dating, romance, instagram post, photos
    `,
    strong: 'royal family, guinness world record, centenarian, royal wedding, obituary',
  },
  {
    code: 'medtop:09000000', // labor
    cues: `
      jobs, job, worker, workers, employee, employees, employer, employers, wage, wages,
      salary, salaries, pay, union, unions, strike, strikes, striking, walkout, unemployment,
      unemployed, employment, pension, pensions, labour, labor, workforce, staff, hiring,
      hired, layoffs, laid off, redundancies, redundant, job cuts, cut jobs, workplace,
      working conditions, overtime, contract workers, gig economy, minimum wage, collective
      bargaining, picket, industrial action, retirement, retirement age, jobless, jobless
      claims, payrolls, recruitment, job losses, labour market, labor market, workers union
    `,
    strong: `
      trade union, minimum wage, layoffs, strike action, job cuts, unemployment rate, labor
      union, industrial action, collective bargaining, jobless rate
    `,
  },
  {
    code: 'medtop:10000000', // lifestyle and leisure
    cues: `
      travel, traveller, travelers, tourism, tourist, tourists, holiday, holidays, vacation,
      recipe, recipes, restaurant, restaurants, chef, food, cooking, cook, dish, dishes, meal,
      wine, beer, cocktail, coffee, fashion, style, clothing, clothes, dress, beauty, makeup,
      skincare, hobby, hobbies, fitness, workout, exercise, yoga, garden, gardening, home,
      decor, interior, design, hotel, hotels, resort, cruise, beach, destination, destinations,
      flight deals, shopping, gift, gifts, deals, discount, black friday, christmas, halloween,
      thanksgiving, wellness, lifestyle, leisure, outdoor, hiking, camping, dating, relationship,
      parenting, baking, vegan, vegetarian, cars, car review, test drive, suv, sedan, games,
      puzzle, crossword, horoscope, luxury, boutique, diy, video game, video games, gaming,
      gamer, gamers, gameplay, console, playstation, xbox, nintendo, multiplayer, single-player,
      quest, quests, levels, dlc, expansion pack, in-game, open world, shooter, rpg, esports,
      steam, twitch, controller, boss fight, walkthrough, cheats, character, characters, car,
      model year, horsepower, hp, torque, sedan, hatchback, coupe, convertible, crossover,
      interior, cabin, trim, mpg, mileage, wheels, seats, dashboard, infotainment, dealership,
      test drive, concept car, motorcycle, bike, bicycle, running shoes, workout plan, calories,
      weight loss, diet plan, toy, toys, board game, leisure activities, cup, cups, tablespoon,
      teaspoon, ingredients, flavor, flavors, flavour, bake, baked, oven, sugar, butter, flour,
      chocolate, cake, cookies, dessert, sauce, salad, cheese, taste, delicious, workouts,
      exercises, reps, routine, meal plan, nutrition, protein, snack, snacks, smoothie, festive,
      decorations, decorating, gift guide, bugs, patch notes, new update, mission, missions
    `,
    strong: `
      recipe, travel guide, fashion week, holiday destination, black friday deals, video game,
      gameplay, multiplayer, playstation, xbox, nintendo, test drive, horsepower
    `,
  },
  {
    code: 'medtop:11000000', // politics
    cues: `
      president, presidential, minister, ministers, government, governments, talks, bilateral,
      diplomat, diplomats, diplomatic, spokesman, spokeswoman, kremlin, parliament,
      parliamentary, senate, senator, senators, congress, congressional, congressman,
      congresswoman, policy, politics, political, politician, politicians, party, parties,
      vote, votes, voted, voting, voters, lawmaker, lawmakers, legislation, legislature,
      legislative, bill, sanctions, summit, relations, authorities, king, prime minister,
      cabinet, opposition, leader, leaders, state department, white house, ministry, embassy,
      ambassador, treaty, campaign, campaigning, candidate, candidates, ballot, polls, poll,
      polling, democrat, democrats, republican, republicans, democratic, conservative,
      conservatives, labour party, liberal, liberals, tory, tories, coalition, mayor,
      governor, governors, impeachment, impeach, administration, regime, dictator, democracy,
      reform, reforms, referendum, constitution, premier, chancellor, speaker, mp, mps,
      elected, re-election, reelection, inauguration, veto, nato, united nations, un, eu,
      european union, brussels, foreign policy, foreign minister, secretary of state,
      statesman, envoy, negotiations, negotiator, agreement, accord, geopolitical,
      nationalist, populist, protest, protests, protesters, demonstrators, rally, brexit,
      trump, biden, obama, clinton, putin, xi jinping, macron, merkel, boris johnson, whitehall,
      downing street, capitol hill, ruling party, civil servants, bureaucracy, public sector
    `,
    strong: `
      election, elections, referendum, diplomacy, foreign minister, foreign ministry, head of
      state, prime minister, parliament, senate, impeachment, presidential election, general
      election, ruling party, opposition party, white house, lawmakers
    `,
  },
  {
    code: 'medtop:12000000', // religion
    cues: `
      church, churches, mosque, mosques, temple, temples, synagogue, religious, religion,
      faith, faithful, pope, vatican, bishop, bishops, archbishop, imam, rabbi, priest,
      priests, clergy, muslim, muslims, islam, islamic, christian, christians, christianity,
      catholic, catholics, protestant, evangelical, jewish, jews, judaism, hindu, hindus,
      hinduism, buddhist, buddhism, sikh, prayer, prayers, pray, pilgrim, pilgrims,
      pilgrimage, worship, worshippers, congregation, sermon, bible, koran, quran, god, allah,
      jesus, christ, saint, holy, sacred, ramadan, eid, easter, diwali, hajj, mecca, spiritual,
      theology, blasphemy, monk, monks, nun, nuns, cathedral, parish, diocese, sharia, hadith
    `,
    strong: 'pope, vatican, church, mosque, religious, archbishop, pilgrimage, ramadan',
  },
  {
    code: 'medtop:13000000', // science and technology
    cues: `
      science, scientist, scientists, scientific, research, researcher, researchers, study,
      studies, technology, technologies, tech, software, hardware, computer, computers,
      computing, pc, laptop, laptops, tablet, tablets, internet, online, web, website,
      websites, browser, search engine, data, database, satellite, satellites, space, nasa,
      esa, spacex, rocket, rockets, launch, orbit, astronaut, astronauts, spacecraft, probe,
      rover, mars, moon, lunar, planet, planets, asteroid, comet, galaxy, galaxies, star
      formation, telescope, astronomer, astronomers, astronomy, universe, cosmic, black hole,
      robot, robots, robotics, artificial intelligence, ai, machine learning, algorithm,
      algorithms, chatbot, openai, chatgpt, neural network, physics, physicist, chemistry,
      chemist, biology, biologist, dna, genome, gene, genes, fossil, fossils, dinosaur,
      dinosaurs, species discovered, evolution, experiment, experiments, laboratory, lab,
      discovery, discovered, app, apps, smartphone, smartphones, phone, phones, mobile,
      mobile phone, handset, handsets, iphone, ipad, ipod, android, ios, windows, linux, mac,
      macbook, chip, chips, chipmaker, semiconductor, semiconductors, processor, processors,
      intel, amd, nvidia, qualcomm, microsoft, apple, google, alphabet, facebook, meta,
      twitter, instagram, whatsapp, youtube, tiktok, snapchat, social media, social network,
      social networking, user, users, online users, download, downloads, upgrade, update,
      version, gadget, gadgets, device, devices, wearable, smartwatch, camera, screen,
      display, battery, gaming console, broadband, wifi, wi-fi, wireless, bluetooth, network,
      networks, 5g, 4g, telecom, telecoms, telecommunications, operator, mobile operator,
      carrier, fibre, fiber, cable, isp, email, e-mail, spam, virus, viruses, computer virus,
      worm, malware, ransomware, spyware, trojan, phishing, hacker, hackers, hack, hacked,
      hacking, cyber, cyberattack, cyber attack, cybersecurity, cyber security, security
      flaw, vulnerability, vulnerabilities, patch, encryption, password, passwords, privacy,
      data breach, breach, cloud, cloud computing, server, servers, data centre, data center,
      digital, digital music, music downloads, digital downloads, download store, online store,
      online stores, app store, file sharing, peer to peer, search, blog,
      blogs, blogger, bloggers, podcasting, technology firm, tech firm, tech company, tech
      giant, silicon valley, start-up, innovation, engineer, engineers, engineering,
      programmer, developers, developer, code, coding, open source, operating system, game
      developer, games console, virtual reality, augmented reality, vr, drone, drones,
      autonomous, self-driving, electric car, quantum, nanotechnology, biotech, 3d printing,
      ibm, oracle, samsung, sony, nokia, motorola, ericsson, huawei, xiaomi, dell, hp,
      hewlett-packard, cisco, yahoo, aol, ebay, skype, amazon web services, netscape, firefox,
      mozilla, wikipedia, napster, itunes, spotify, tivo, dvd, hd, high-definition, pixels,
      megapixel, bandwidth, gigabyte, gigabytes, terabyte, megabit, online service, sync,
      file, files, storage, cloud storage, dropbox, saas, enterprise software, productivity app,
      streaming service, game streaming, platform, platforms, feature, features, beta, launch
      date, subscribers
    `,
    strong: `
      artificial intelligence, machine learning, spacecraft, software, computer virus,
      malware, smartphone, internet, cyber security, cybersecurity, hackers, nasa, astronomers,
      telescope, scientists, semiconductor, broadband, operating system, mobile phone, search
      engine, microsoft, silicon valley, gadget, gadgets, tech firm, chatbot, spam, phishing,
      space station, international space station, researchers found, study published, peer
      reviewed, journal nature, physicists
    `,
  },
  {
    code: 'medtop:14000000', // society
    cues: `
      community, communities, family, families, children, child, poverty, poor, immigration,
      immigrant, immigrants, migrant, migrants, migration, refugee, refugees, asylum,
      asylum seekers, discrimination, racism, racist, homeless, homelessness, welfare, charity,
      charities, gender, equality, inequality, social, society, civil rights, human rights,
      lgbt, lgbtq, gay, transgender, same-sex, women's rights, feminism, feminist, abortion,
      housing, social housing, neighbourhood, neighborhood, residents, volunteers,
      volunteering, youth, elderly, older people, pensioners, disability, disabled, minority,
      minorities, indigenous, ethnic, diversity, inclusion, population, census, demographic,
      birth rate, marriage equality, social media use, sexual harassment, metoo, domestic
      violence, social services, social worker, nonprofit, ngo, donations, food bank
    `,
    strong: `
      human rights, immigration, refugees, asylum seekers, poverty, homelessness, racism,
      discrimination, gender equality, civil rights, social welfare
    `,
  },
  {
    code: 'medtop:15000000', // sport
    cues: `
      match, matches, game, games, team, teams, player, players, coach, coaches, manager,
      season, league, leagues, championship, championships, tournament, tournaments, goal,
      goals, score, scored, scoring, win, wins, won, victory, defeat, defeated, beat, lost,
      draw, club, clubs, stadium, race, races, racing, medal, medals, olympic, olympics,
      football, soccer, tennis, cricket, basketball, baseball, rugby, golf, hockey, boxing,
      boxer, fight, fighter, ufc, mma, wrestling, athletics, athlete, athletes, marathon,
      sprint, sprinter, swimming, swimmer, cycling, cyclist, formula one, f1, grand prix,
      nascar, driver, drivers, motorgp, skiing, skier, snowboard, horse racing, jockey,
      nfl, nba, mlb, nhl, fifa, uefa, premier league, champions league, la liga, serie a,
      bundesliga, world cup, super bowl, quarterback, touchdown, striker, midfielder,
      defender, goalkeeper, keeper, penalty, free kick, referee, umpire, innings, wicket,
      batsman, bowler, test match, serve, grand slam, wimbledon, us open, french
      open, australian open, open championship, pga, masters, playoffs, playoff, semi-final,
      semifinal, final, finals, quarter-final, knockout, title, titles, champion, champions,
      runner-up, fixture, fixtures, transfer, signing, signed, contract extension, injury,
      injured, squad, lineup, roster, rookie, veteran, captain, halftime, overtime, inning,
      pitcher, home run, rebounds, assists, yards, scoreboard, winger, forward, fans,
      supporters, derby, relegation, promotion, ranking, rankings, seeded, doubles,
      singles, davis cup, ryder cup, tour de france, olympic games, paralympics, coach said,
      head coach, sporting, sports, sport, athletic, gym, kickoff, kick-off, pitch, court,
      arsenal, chelsea, liverpool, manchester united, real madrid, barcelona, steelers,
      yankees, lakers, inning, rbi, pitcher, pitched, shortstop, outfielder,
      birdie, birdies, bogey, bogeys, eagle, under par, fairway, putt,
      leaderboard, rallied, edged, sellout crowd, lap, laps, pole position, podium,
      stage win, yellow jersey, title fight, heavyweight, welterweight, bout, belt, knockout,
      free throw, three-pointer, dunk, rebound, hat-trick, hat trick, equaliser, equalizer,
      stoppage time, extra time, penalty shootout, red card, yellow card, clean sheet, home
      side, league table, unbeaten, undefeated, winning streak, losing streak,
      qualifier, qualifying, personal best, world champion, gold medal, silver medal,
      bronze medal
    `,
    strong: `
      world cup, premier league, champions league, olympics, grand slam, super bowl, nfl,
      nba, quarterback, touchdown, striker, goalkeeper, midfielder, wimbledon, formula one,
      grand prix, head coach, playoffs, semi-final, semifinal, quarter-final, relegation
    `,
  },
  {
    code: 'medtop:16000000', // conflict, war and peace
    cues: `
      military, army, armies, peace, attack, attacks, attacked, soldiers, soldier, forces,
      violence, violent, weapons, weapon, missile, missiles, bombing, bombings, bomb, bombs,
      fighting, fighters, militants, militant, rebels, rebel, security forces, defence,
      defense, clashes, clashed, occupation, hostilities, insurgents, insurgent, guerrilla,
      jihadist, jihadists, extremist, extremists, islamist, islamic state, isis, isil,
      al-qaeda, taliban, hezbollah, hamas, gunmen, shelling, artillery, drone strike,
      airstrikes, air strikes, strikes, bombardment, offensive, frontline, front line,
      battlefield, battle, combat, casualties, civilians, killed, wounded, massacre, genocide,
      atrocities, war crimes, invasion, invaded, annexation, siege, besieged, hostage,
      hostages, prisoners of war, navy, naval, warship, air force, fighter jets, jets, tanks,
      troops, deployment, deployed, pentagon, defence ministry, defense ministry, nato,
      nuclear weapons, arms, ammunition, militia, militias, coup, uprising, unrest, riot,
      riots, curfew, martial law, refugees fleeing, peacekeepers, peacekeeping, mediation,
      negotiations, armistice, disarmament, border clashes, security council, suicide bomber,
      explosive, ied, terror, terror attack, counter-terrorism, espionage, spy, spies, ambush,
      ambushed, convoy, faction, factions, warlord, warlords, gunfire, gunbattle, firefight,
      sniper, mortar, rocket attack, rockets, grenade, checkpoint, seized control, captured,
      withdrew, withdrawal, aid convoy, aid workers, peace deal, peace agreement, rebel held,
      government forces
    `,
    strong: `
      conflict, war, ceasefire, troops, airstrike, air strike, invasion, insurgency,
      terrorist, terrorism, truce, peace talks, armed conflict, civil war, war crimes,
      military operation, armed forces, suicide bombing, car bomb, bomb attack, suicide
      bomber, missile strike, militants, insurgents, airstrikes, shelling, explosive device
    `,
  },
  {
    code: 'medtop:17000000', // weather
    cues: `
      weather, temperature, temperatures, rain, rainfall, snow, snowfall, storm, storms, wind,
      winds, gusts, heatwave, forecast, forecasters, drought, cold, cold snap, frost, freezing,
      ice, icy, fog, hail, thunderstorm, thunderstorms, lightning, showers, sunshine, sunny,
      cloudy, humidity, humid, degrees, celsius, fahrenheit, met office, meteorologist,
      meteorologists, national weather service, warning, warnings, weather warning, blizzard,
      monsoon, el nino, la nina, heat, hot weather, chill, windy, rainy, downpour, flash flood,
      flood warning, wind chill, winter storm, tropical storm, low pressure, high pressure,
      mild, record temperatures, hottest, coldest, wettest
    `,
    strong: `
      weather forecast, meteorological, heat wave, heatwave, met office, national weather
      service, rainfall, snowfall, thunderstorms, blizzard, tropical storm
    `,
  },
];
