import { describe, expect, it } from '@jest/globals';
import { describeHours } from './hours';

const names = ['', '一', '二', '三', '四', '五', '六', '日'];
const dayName = (d: number) => names[d]!;
const daysLabel = (days: string) => `周${days}`;

describe('describeHours', () => {
  it('When three or more days run on, then they are written as a range', () => {
    expect(describeHours({ days: [5, 1, 2, 3, 4], start: '09:00', end: '11:30' }, dayName, daysLabel)).toBe('周一–五 09:00–11:30');
  });

  it('When days have gaps or are only two, then each is listed', () => {
    expect(describeHours({ days: [1, 3], start: '14:30', end: '17:30' }, dayName, daysLabel)).toBe('周一、三 14:30–17:30');
    expect(describeHours({ days: [6, 7], start: '09:00', end: '12:00' }, dayName, daysLabel)).toBe('周六、日 09:00–12:00');
  });
});
