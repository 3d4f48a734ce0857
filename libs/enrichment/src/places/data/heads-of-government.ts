import { nameParts, nameTokens, samePerson } from '../../people/person-names';
import { fold } from '../../text/text-tokens';

/**
 * Sitting heads of state and government: "Putin said" is Russia speaking, as "the Kremlin said"
 * is. A person the text names who is one of them (same first name and surname, middles alike:
 * see samePerson) gives their country; so does a short form distinctive enough to stand alone.
 *
 * The table is as of LEADERS_AS_OF. To update it: change the entry of the country whose office
 * changed hands (keep the predecessor's entry only while the news still names them as leader),
 * set LEADERS_AS_OF to the day the whole table was last checked, and run the enrichment specs
 * (heads-of-government.spec.ts checks that every name and short form still reaches its country).
 * A former leader left in the table still points at the country they led, which is usually
 * right for news: a stale entry costs little, a missing one a country.
 */
export const LEADERS_AS_OF = '2025-10-31';

export interface Leader {
  /** ISO 3166-1 alpha-2 of the country led. */
  code: string;
  /** The office, in English: "President", "Prime Minister", "Emir". */
  office: string;
  /** Full names as the news writes them, the usual one first, then other spellings. */
  names: readonly string[];
  /**
   * Short forms that name the leader on their own in the news ("Putin", "Erdogan", "Xi"). Left
   * out when the surname is common or belongs to someone else in the news ("Lee", "Sharif",
   * "Herzog", "Sanchez").
   */
  alone?: readonly string[];
}

export const LEADERS: readonly Leader[] = [
  // Europe
  { code: 'RU', office: 'President', names: ['Vladimir Putin'], alone: ['Putin'] },
  { code: 'RU', office: 'Prime Minister', names: ['Mikhail Mishustin'], alone: ['Mishustin'] },
  {
    code: 'UA',
    office: 'President',
    names: ['Volodymyr Zelensky', 'Volodymyr Zelenskyy', 'Volodymyr Zelenskiy'],
    alone: ['Zelensky', 'Zelenskyy', 'Zelenskiy'],
  },
  { code: 'UA', office: 'Prime Minister', names: ['Yulia Svyrydenko'], alone: ['Svyrydenko'] },
  {
    code: 'BY',
    office: 'President',
    names: ['Alexander Lukashenko', 'Aleksandr Lukashenko'],
    alone: ['Lukashenko'],
  },
  {
    code: 'GB',
    office: 'King',
    names: ['King Charles', 'King Charles III', 'Charles III'],
  },
  { code: 'GB', office: 'Prime Minister', names: ['Keir Starmer'], alone: ['Starmer'] },
  { code: 'IE', office: 'Taoiseach', names: ['Micheál Martin'] },
  { code: 'IE', office: 'President', names: ['Catherine Connolly'] },
  { code: 'FR', office: 'President', names: ['Emmanuel Macron'], alone: ['Macron'] },
  { code: 'FR', office: 'Prime Minister', names: ['Sébastien Lecornu'], alone: ['Lecornu'] },
  { code: 'DE', office: 'Chancellor', names: ['Friedrich Merz'], alone: ['Merz'] },
  {
    code: 'DE',
    office: 'President',
    names: ['Frank-Walter Steinmeier'],
    alone: ['Steinmeier'],
  },
  { code: 'IT', office: 'Prime Minister', names: ['Giorgia Meloni'], alone: ['Meloni'] },
  { code: 'IT', office: 'President', names: ['Sergio Mattarella'], alone: ['Mattarella'] },
  { code: 'ES', office: 'Prime Minister', names: ['Pedro Sánchez'] },
  { code: 'ES', office: 'King', names: ['King Felipe', 'Felipe VI'] },
  { code: 'PT', office: 'Prime Minister', names: ['Luís Montenegro'] },
  {
    code: 'PT',
    office: 'President',
    names: ['Marcelo Rebelo de Sousa'],
    alone: ['Rebelo de Sousa'],
  },
  { code: 'NL', office: 'Prime Minister', names: ['Dick Schoof'], alone: ['Schoof'] },
  { code: 'NL', office: 'King', names: ['King Willem-Alexander', 'Willem-Alexander'] },
  { code: 'BE', office: 'Prime Minister', names: ['Bart De Wever'], alone: ['De Wever'] },
  { code: 'LU', office: 'Prime Minister', names: ['Luc Frieden'] },
  { code: 'AT', office: 'Chancellor', names: ['Christian Stocker'] },
  {
    code: 'AT',
    office: 'President',
    names: ['Alexander Van der Bellen'],
    alone: ['Van der Bellen'],
  },
  { code: 'PL', office: 'Prime Minister', names: ['Donald Tusk'], alone: ['Tusk'] },
  { code: 'PL', office: 'President', names: ['Karol Nawrocki'], alone: ['Nawrocki'] },
  { code: 'CZ', office: 'President', names: ['Petr Pavel'] },
  { code: 'CZ', office: 'Prime Minister', names: ['Petr Fiala'], alone: ['Fiala'] },
  { code: 'SK', office: 'Prime Minister', names: ['Robert Fico'], alone: ['Fico'] },
  { code: 'HU', office: 'Prime Minister', names: ['Viktor Orbán'], alone: ['Orbán'] },
  { code: 'RO', office: 'President', names: ['Nicușor Dan', 'Nicusor Dan'] },
  { code: 'RO', office: 'Prime Minister', names: ['Ilie Bolojan'], alone: ['Bolojan'] },
  { code: 'BG', office: 'President', names: ['Rumen Radev'], alone: ['Radev'] },
  { code: 'GR', office: 'Prime Minister', names: ['Kyriakos Mitsotakis'], alone: ['Mitsotakis'] },
  {
    code: 'CY',
    office: 'President',
    names: ['Nikos Christodoulides'],
    alone: ['Christodoulides'],
  },
  {
    code: 'RS',
    office: 'President',
    names: ['Aleksandar Vučić', 'Aleksandar Vucic'],
    alone: ['Vučić', 'Vucic'],
  },
  { code: 'HR', office: 'Prime Minister', names: ['Andrej Plenković'], alone: ['Plenković'] },
  { code: 'HR', office: 'President', names: ['Zoran Milanović'] },
  { code: 'SI', office: 'Prime Minister', names: ['Robert Golob'] },
  { code: 'AL', office: 'Prime Minister', names: ['Edi Rama'] },
  { code: 'MD', office: 'President', names: ['Maia Sandu'], alone: ['Sandu'] },
  { code: 'GE', office: 'Prime Minister', names: ['Irakli Kobakhidze'], alone: ['Kobakhidze'] },
  { code: 'GE', office: 'President', names: ['Mikheil Kavelashvili'], alone: ['Kavelashvili'] },
  { code: 'AM', office: 'Prime Minister', names: ['Nikol Pashinyan'], alone: ['Pashinyan'] },
  { code: 'AZ', office: 'President', names: ['Ilham Aliyev'], alone: ['Aliyev'] },
  { code: 'DK', office: 'Prime Minister', names: ['Mette Frederiksen'] },
  { code: 'SE', office: 'Prime Minister', names: ['Ulf Kristersson'], alone: ['Kristersson'] },
  { code: 'NO', office: 'Prime Minister', names: ['Jonas Gahr Støre'], alone: ['Støre'] },
  { code: 'FI', office: 'President', names: ['Alexander Stubb'], alone: ['Stubb'] },
  { code: 'FI', office: 'Prime Minister', names: ['Petteri Orpo'], alone: ['Orpo'] },
  { code: 'LT', office: 'President', names: ['Gitanas Nausėda'], alone: ['Nausėda'] },
  { code: 'VA', office: 'Pope', names: ['Pope Leo XIV', 'Leo XIV', 'Robert Prevost'] },

  // Americas
  { code: 'US', office: 'President', names: ['Donald Trump'], alone: ['Trump'] },
  { code: 'CA', office: 'Prime Minister', names: ['Mark Carney'], alone: ['Carney'] },
  { code: 'MX', office: 'President', names: ['Claudia Sheinbaum'], alone: ['Sheinbaum'] },
  {
    code: 'BR',
    office: 'President',
    names: ['Luiz Inácio Lula da Silva', 'Lula da Silva'],
    alone: ['Lula'],
  },
  { code: 'AR', office: 'President', names: ['Javier Milei'], alone: ['Milei'] },
  { code: 'CO', office: 'President', names: ['Gustavo Petro'], alone: ['Petro'] },
  { code: 'VE', office: 'President', names: ['Nicolás Maduro'], alone: ['Maduro'] },
  { code: 'CL', office: 'President', names: ['Gabriel Boric'], alone: ['Boric'] },
  { code: 'EC', office: 'President', names: ['Daniel Noboa'], alone: ['Noboa'] },
  { code: 'UY', office: 'President', names: ['Yamandú Orsi'] },
  { code: 'CU', office: 'President', names: ['Miguel Díaz-Canel'], alone: ['Díaz-Canel'] },
  { code: 'SV', office: 'President', names: ['Nayib Bukele'], alone: ['Bukele'] },
  { code: 'GT', office: 'President', names: ['Bernardo Arévalo'] },
  { code: 'PA', office: 'President', names: ['José Raúl Mulino'], alone: ['Mulino'] },
  { code: 'DO', office: 'President', names: ['Luis Abinader'], alone: ['Abinader'] },

  // Middle East and North Africa
  {
    code: 'QA',
    office: 'Emir',
    names: ['Tamim bin Hamad Al Thani', 'Tamim bin Hamad al-Thani'],
  },
  { code: 'QA', office: 'Prime Minister', names: ['Mohammed bin Abdulrahman Al Thani'] },
  {
    code: 'SA',
    office: 'Crown Prince and Prime Minister',
    names: ['Mohammed bin Salman', 'Mohammed bin Salman Al Saud'],
    alone: ['MBS'],
  },
  { code: 'SA', office: 'King', names: ['King Salman', 'Salman bin Abdulaziz'] },
  {
    code: 'AE',
    office: 'President',
    names: ['Mohamed bin Zayed', 'Mohammed bin Zayed', 'Mohamed bin Zayed Al Nahyan'],
    alone: ['MBZ'],
  },
  { code: 'OM', office: 'Sultan', names: ['Haitham bin Tariq', 'Sultan Haitham'] },
  { code: 'BH', office: 'King', names: ['Hamad bin Isa Al Khalifa'] },
  {
    code: 'TR',
    office: 'President',
    names: ['Recep Tayyip Erdoğan', 'Recep Tayyip Erdogan', 'Tayyip Erdogan'],
    alone: ['Erdoğan', 'Erdogan'],
  },
  {
    code: 'IR',
    office: 'Supreme Leader',
    names: ['Ali Khamenei', 'Ayatollah Ali Khamenei'],
    alone: ['Khamenei'],
  },
  { code: 'IR', office: 'President', names: ['Masoud Pezeshkian'], alone: ['Pezeshkian'] },
  {
    code: 'IL',
    office: 'Prime Minister',
    names: ['Benjamin Netanyahu'],
    alone: ['Netanyahu'],
  },
  { code: 'IL', office: 'President', names: ['Isaac Herzog'] },
  { code: 'PS', office: 'President', names: ['Mahmoud Abbas'] },
  {
    code: 'SY',
    office: 'President',
    names: ['Ahmed al-Sharaa', 'Ahmad al-Sharaa'],
    alone: ['al-Sharaa', 'Sharaa'],
  },
  { code: 'LB', office: 'President', names: ['Joseph Aoun'] },
  { code: 'LB', office: 'Prime Minister', names: ['Nawaf Salam'] },
  { code: 'JO', office: 'King', names: ['King Abdullah II', 'Abdullah II'] },
  {
    code: 'IQ',
    office: 'Prime Minister',
    names: ['Mohammed Shia al-Sudani'],
    alone: ['al-Sudani'],
  },
  {
    code: 'EG',
    office: 'President',
    names: ['Abdel Fattah el-Sisi', 'Abdel Fattah al-Sisi'],
    alone: ['el-Sisi', 'al-Sisi', 'Sisi'],
  },
  { code: 'MA', office: 'King', names: ['King Mohammed VI', 'Mohammed VI'] },
  { code: 'DZ', office: 'President', names: ['Abdelmadjid Tebboune'], alone: ['Tebboune'] },
  { code: 'TN', office: 'President', names: ['Kais Saied'] },
  { code: 'LY', office: 'Prime Minister', names: ['Abdul Hamid Dbeibah'], alone: ['Dbeibah'] },
  {
    code: 'SD',
    office: 'Head of the Sovereignty Council',
    names: ['Abdel Fattah al-Burhan'],
    alone: ['al-Burhan'],
  },

  // Sub-Saharan Africa
  { code: 'ET', office: 'Prime Minister', names: ['Abiy Ahmed'], alone: ['Abiy'] },
  { code: 'KE', office: 'President', names: ['William Ruto'], alone: ['Ruto'] },
  {
    code: 'NG',
    office: 'President',
    names: ['Bola Tinubu', 'Bola Ahmed Tinubu'],
    alone: ['Tinubu'],
  },
  { code: 'ZA', office: 'President', names: ['Cyril Ramaphosa'], alone: ['Ramaphosa'] },
  { code: 'RW', office: 'President', names: ['Paul Kagame'], alone: ['Kagame'] },
  { code: 'CD', office: 'President', names: ['Félix Tshisekedi'], alone: ['Tshisekedi'] },
  { code: 'UG', office: 'President', names: ['Yoweri Museveni'], alone: ['Museveni'] },
  { code: 'ZW', office: 'President', names: ['Emmerson Mnangagwa'], alone: ['Mnangagwa'] },
  { code: 'TZ', office: 'President', names: ['Samia Suluhu Hassan'] },
  { code: 'SO', office: 'President', names: ['Hassan Sheikh Mohamud'] },
  { code: 'SN', office: 'President', names: ['Bassirou Diomaye Faye'] },
  { code: 'ML', office: 'President', names: ['Assimi Goïta'], alone: ['Goïta'] },
  { code: 'GH', office: 'President', names: ['John Mahama', 'John Dramani Mahama'] },
  { code: 'CI', office: 'President', names: ['Alassane Ouattara'], alone: ['Ouattara'] },
  { code: 'CM', office: 'President', names: ['Paul Biya'], alone: ['Biya'] },
  { code: 'SS', office: 'President', names: ['Salva Kiir'] },

  // Asia and the Pacific
  { code: 'CN', office: 'President', names: ['Xi Jinping'], alone: ['Xi'] },
  { code: 'CN', office: 'Premier', names: ['Li Qiang'] },
  { code: 'TW', office: 'President', names: ['Lai Ching-te'] },
  { code: 'IN', office: 'Prime Minister', names: ['Narendra Modi'], alone: ['Modi'] },
  { code: 'IN', office: 'President', names: ['Droupadi Murmu'] },
  { code: 'PK', office: 'Prime Minister', names: ['Shehbaz Sharif'] },
  { code: 'PK', office: 'President', names: ['Asif Ali Zardari'], alone: ['Zardari'] },
  { code: 'BD', office: 'Chief Adviser', names: ['Muhammad Yunus'] },
  {
    code: 'LK',
    office: 'President',
    names: ['Anura Kumara Dissanayake'],
    alone: ['Dissanayake'],
  },
  { code: 'AF', office: 'Supreme Leader', names: ['Hibatullah Akhundzada'], alone: ['Akhundzada'] },
  { code: 'KZ', office: 'President', names: ['Kassym-Jomart Tokayev'], alone: ['Tokayev'] },
  { code: 'UZ', office: 'President', names: ['Shavkat Mirziyoyev'], alone: ['Mirziyoyev'] },
  { code: 'JP', office: 'Prime Minister', names: ['Sanae Takaichi'], alone: ['Takaichi'] },
  { code: 'JP', office: 'Emperor', names: ['Emperor Naruhito'], alone: ['Naruhito'] },
  { code: 'KR', office: 'President', names: ['Lee Jae-myung', 'Lee Jae Myung'] },
  { code: 'KP', office: 'Supreme Leader', names: ['Kim Jong Un', 'Kim Jong-un'] },
  { code: 'ID', office: 'President', names: ['Prabowo Subianto'], alone: ['Prabowo'] },
  { code: 'PH', office: 'President', names: ['Ferdinand Marcos Jr.', 'Bongbong Marcos'] },
  { code: 'MY', office: 'Prime Minister', names: ['Anwar Ibrahim'] },
  { code: 'SG', office: 'Prime Minister', names: ['Lawrence Wong'] },
  { code: 'TH', office: 'Prime Minister', names: ['Anutin Charnvirakul'], alone: ['Anutin'] },
  { code: 'VN', office: 'General Secretary', names: ['To Lam', 'Tô Lâm'] },
  { code: 'KH', office: 'Prime Minister', names: ['Hun Manet'] },
  { code: 'MM', office: 'Commander-in-Chief', names: ['Min Aung Hlaing'] },
  { code: 'AU', office: 'Prime Minister', names: ['Anthony Albanese'], alone: ['Albanese'] },
  { code: 'NZ', office: 'Prime Minister', names: ['Christopher Luxon'], alone: ['Luxon'] },
];

/** The office a ruling house's name stands for, in the gazetteer. */
export const RULING_FAMILY = 'ruling family';

/**
 * Ruling houses: anyone named "Al Thani" is of Qatar's ruling family, and the news names them
 * for Qatar. Written "Al Thani", "al-Thani" or "Al-Thani".
 */
export const RULING_FAMILIES: readonly { code: string; surname: string }[] = [
  { code: 'QA', surname: 'Thani' },
  { code: 'SA', surname: 'Saud' },
  { code: 'AE', surname: 'Nahyan' },
  { code: 'AE', surname: 'Maktoum' },
  { code: 'KW', surname: 'Sabah' },
  { code: 'BH', surname: 'Khalifa' },
];

/** How a ruling house's name is written: "Al Thani", "al-Thani" (tokenised alike). */
export function familyForms(surname: string): string[] {
  return [`Al ${surname}`, `al ${surname}`];
}

interface LeaderIndex {
  /** Leaders by folded, lower-case surname (the last token of their names). */
  bySurname: Map<string, Leader[]>;
  /** Each ruling house's name ("Al Thani"), by its folded, lower-case form ("al thani"). */
  families: Map<string, string>;
}

let index: LeaderIndex | undefined;

function leaderIndex(): LeaderIndex {
  if (index) return index;
  const bySurname = new Map<string, Leader[]>();
  for (const leader of LEADERS) {
    for (const name of leader.names) {
      const { last } = nameParts(name);
      const list = bySurname.get(last) ?? [];
      if (!list.includes(leader)) list.push(leader);
      bySurname.set(last, list);
    }
  }
  const families = new Map(
    RULING_FAMILIES.map(({ surname }) => [`al ${fold(surname).toLowerCase()}`, `Al ${surname}`]),
  );
  index = { bySurname, families };
  return index;
}

/**
 * The leader a full name (two words or more) is written for, if any: "Vladimir Vladimirovich
 * Putin" and "Tamim Benhamad Al Thani" are found; "Francesca Albanese" is not Anthony Albanese.
 */
export function leaderNamed(name: string): Leader | undefined {
  const { last, tokens } = nameParts(name);
  if (tokens.length < 2) return undefined;
  return leaderIndex()
    .bySurname.get(last)
    ?.find((leader) => leader.names.some((form) => samePerson(form, name)));
}

/** The ruling house a full name ends in: "Al Thani" for "Khalid bin Mohammed Al Thani". */
export function rulingFamilyOf(name: string): string | undefined {
  const tokens = nameTokens(fold(name).toLowerCase());
  if (tokens.length < 3) return undefined;
  return leaderIndex().families.get(tokens.slice(-2).join(' '));
}
