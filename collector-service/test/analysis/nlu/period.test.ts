/** Period comparisons in both languages, and questions that name one period only (a range, not a comparison). */
import { extractPeriod } from '../../../src/analysis/nlu/period';
import { periodBounds } from '../../../src/analysis/engine/time-scope';

describe('extractPeriod', () => {
  test.each([
    ['지난 주 대비 이번 주 cpu는?', 'week'],
    ['이번주 메모리 지난주랑 비교해줘', 'week'],
    ['저번 주보다 디스크 많이 늘었어?', 'week'],
    ['전주 대비 네트워크 사용량', 'week'],
    ['cpu this week compared with last week?', 'week'],
    ['how does memory this week compare to last week', 'week'],
    ['week over week cpu for the fleet', 'week'],
    ['is cpu higher than the previous week?', 'week'],
    ['오늘 cpu 어제랑 비교하면?', 'day'],
    ['어제 대비 메모리 사용률', 'day'],
    ['db-eu-002 cpu today vs yesterday', 'day'],
    ['day-over-day load on the web servers', 'day'],
  ])('%s → %s', (question, period) => {
    expect(extractPeriod(question)).toBe(period);
  });

  test.each([
    '이번 주 내로 디스크 부족해질 것 같은 서버?',
    '어제부터 뭔가 이상한 서버 있나요?',
    'what happened last week?',
    'cpu since yesterday on db-eu-002',
    'top 5 servers by cpu this week',
  ])('%s → no comparison', (question) => {
    expect(extractPeriod(question)).toBeNull();
  });
});

describe('periodBounds', () => {
  test('a week runs Monday 00:00 UTC to now, against the same stretch of the week before', () => {
    const thursday = Date.UTC(2026, 11, 3, 15, 30);
    const b = periodBounds('week', thursday);
    expect(new Date(b.current.fromMs).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(b.current.toMs).toBe(thursday);
    expect(new Date(b.previous.fromMs).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(b.previous.toMs).toBe(thursday - 7 * 86_400_000);
  });

  test('a day runs from UTC midnight, against the same hours yesterday', () => {
    const b = periodBounds('day', Date.UTC(2026, 11, 3, 15, 30));
    expect(new Date(b.previous.fromMs).toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(new Date(b.previous.toMs).toISOString()).toBe('2026-12-02T15:30:00.000Z');
    expect(new Date(b.current.fromMs).toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });
});
