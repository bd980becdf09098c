import { describe, expect, it } from 'vitest';
import { reportFromFiles } from '../helpers/report.js';

describe('what a report asks for', () => {
  it('never tells the user to answer a question already answered', async () => {
    const report = await reportFromFiles({}, { answers: { 'roi.currency': 'EUR', 'roi.sponsor': 'yes' } });
    const payback = report.findings.find((finding) => finding.ruleId === 'roi.payback')!;
    expect(payback.status).toBe('unknown');
    expect(payback.message).toMatch(/^Not known yet: answer roi\.business-case, /);
    for (const finding of report.findings) {
      const named = /^Not known yet: answer (.+) to settle it$/.exec(finding.message)?.[1]?.split(', ') ?? [];
      expect(named, finding.ruleId).not.toContain('roi.currency');
      expect(named, finding.ruleId).not.toContain('roi.sponsor');
    }
    expect(report.questions.map((question) => question.id)).not.toContain('roi.currency');
  });
});
