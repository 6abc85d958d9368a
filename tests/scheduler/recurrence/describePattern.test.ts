import { describePatternZh } from '../../../scheduler/src';
import { pattern } from '../fixtures';

describe('describePatternZh', () => {
  it('when the rule is every weekday, then it reads 每周一至周五', () => {
    expect(describePatternZh(pattern('am', '09:00', '11:30'))).toBe('每周一至周五 09:00–11:30');
  });

  it('when the rule is every other Saturday, then it reads 每隔一周的周六', () => {
    expect(describePatternZh(pattern('s', '09:00', '11:30', { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA' }))).toBe('每隔一周的周六 09:00–11:30');
  });

  it('when the rule is daily with exceptions, then the exceptions are counted', () => {
    expect(describePatternZh(pattern('d', '09:00', '12:00', { rrule: 'FREQ=DAILY', exdates: ['2026-10-01'], rdates: ['2026-10-10'] }))).toBe(
      '每天 09:00–12:00（除去1天，另加1天）',
    );
  });

  it('when the rule lists separate days, then they are joined with 、', () => {
    expect(describePatternZh(pattern('x', '14:30', '17:30', { rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR' }))).toBe('每周一、周三、周五 14:30–17:30');
  });
});
