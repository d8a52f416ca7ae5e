import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatYuan } from '../../web/src/i18n/format.js';

describe('console formats', () => {
  it('writes dates in Beijing time, YYYY年M月D日 in zh-CN', () => {
    // 16:30 UTC is already the next day in Asia/Shanghai.
    expect(formatDate('zh-CN', '2026-03-04T16:30:00Z')).toBe('2026年3月5日');
    expect(formatDateTime('zh-CN', '2026-03-04T16:30:00Z')).toBe('2026年3月5日 00:30');
    expect(formatDate('en', '2026-12-31T03:00:00Z')).toBe('31 Dec 2026');
  });

  it('shows fen as yuan with thousands separators', () => {
    expect(formatYuan('zh-CN', 123456789)).toBe('¥1,234,567.89');
    expect(formatYuan('en', 5)).toBe('¥0.05');
  });
});
