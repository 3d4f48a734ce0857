import i18nCountries from 'i18n-iso-countries';
import {
  LEADERS,
  LEADERS_AS_OF,
  RULING_FAMILIES,
  familyForms,
  leaderNamed,
  rulingFamilyOf,
} from './heads-of-government';
import { placeGazetteer } from '../gazetteer/build-gazetteer';

describe('heads of state and government', () => {
  it('is dated with a real day', () => {
    expect(LEADERS_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(LEADERS_AS_OF).toISOString().slice(0, 10)).toBe(LEADERS_AS_OF);
  });

  it('points every leader and ruling house at an ISO 3166-1 country', () => {
    for (const { code } of [...LEADERS, ...RULING_FAMILIES]) {
      expect([code, i18nCountries.isValid(code)]).toEqual([code, true]);
    }
  });

  it('gives each name and short form its country in the gazetteer, never shadowed by a place', () => {
    const gazetteer = placeGazetteer();
    for (const leader of LEADERS) {
      for (const form of [...leader.names, ...(leader.alone ?? [])]) {
        expect([form, gazetteer.officeSense(form)?.code]).toEqual([form, leader.code]);
        expect([form, gazetteer.isPlaceName(form)]).toEqual([form, false]);
      }
    }
    for (const { code, surname } of RULING_FAMILIES) {
      for (const form of familyForms(surname)) {
        expect([form, gazetteer.officeSense(form)?.code]).toEqual([form, code]);
      }
    }
  });

  describe(leaderNamed.name, () => {
    it('knows a leader by another spelling or a longer form of the name', () => {
      expect(leaderNamed('Vladimir Vladimirovich Putin')?.code).toBe('RU');
      expect(leaderNamed('Tamim Benhamad Al Thani')?.code).toBe('QA');
      expect(leaderNamed('Recep Tayyip Erdoğan')?.office).toBe('President');
    });

    it('does not take a namesake for the leader', () => {
      expect(leaderNamed('Francesca Albanese')).toBeUndefined();
      expect(leaderNamed('Melania Trump')).toBeUndefined();
      expect(leaderNamed('Putin')).toBeUndefined();
    });
  });

  describe(rulingFamilyOf.name, () => {
    it('finds the ruling house at the end of a full name, however written', () => {
      expect(rulingFamilyOf('Khalid bin Mohammed Al Thani')).toBe('Al Thani');
      expect(rulingFamilyOf('Sheikh Sabah al-Sabah')).toBe('Al Sabah');
      expect(rulingFamilyOf('Al Thani')).toBeUndefined();
      expect(rulingFamilyOf('Ahmed Al Jaber')).toBeUndefined();
    });
  });
});
