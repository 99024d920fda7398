import { parseRunbook } from './frontMatter';

describe('parseRunbook', () => {
  it('reads every field and keeps the body', () => {
    const parsed = parseRunbook(
      [
        '---',
        'title: OIDC outage',
        'alerts: [OidcLoginFailures, TokenRefreshErrors]',
        'owner: group:default/rag-team',
        'lastReviewed: 2026-11-02',
        'severity: critical',
        '---',
        '# Steps',
        '1. Check the issuer.',
      ].join('\n'),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.metadata).toEqual({
      title: 'OIDC outage',
      alerts: ['OidcLoginFailures', 'TokenRefreshErrors'],
      owner: 'group:default/rag-team',
      lastReviewed: '2026-11-02',
      severity: 'critical',
    });
    expect(parsed.markdown).toBe('# Steps\n1. Check the issuer.');
  });

  it('accepts a quoted date, CRLF line ends and a byte order mark', () => {
    const parsed = parseRunbook(
      '\uFEFF---\r\ntitle: X\r\nlastReviewed: "2026-02-28"\r\n---\r\nbody',
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.metadata.lastReviewed).toBe('2026-02-28');
    expect(parsed.markdown).toBe('body');
  });

  it.each([
    ['# no front matter', /no front matter/],
    ['---\ntitle: x\n# never closed', /not closed/],
    ['---\ntitle: [unclosed\n---\n', /not valid YAML/],
    ['---\n- a\n- b\n---\n', /must be a YAML mapping/],
    ['---\nalerts: OidcLoginFailures\n---\n', /alerts must be a list/],
    ['---\nlastReviewed: 2026-02-30\n---\n', /lastReviewed must be a date/],
    ['---\nlastReviewed: last week\n---\n', /lastReviewed must be a date/],
    [
      '---\nseverity: urgent\n---\n',
      /severity must be one of critical, high, medium, low/,
    ],
    ['---\nowner: not a ref!\n---\n', /owner must be an entity ref/],
    ['---\ntitel: typo\n---\n', /unknown front matter field 'titel'/],
    ['---\ntitle: ""\n---\n', /title must be a non-empty string/],
  ])('names the problem in %j', (text, message) => {
    const parsed = parseRunbook(text);
    expect(parsed.errors.join('\n')).toMatch(message);
  });

  it('keeps the good fields when one field is bad', () => {
    const parsed = parseRunbook(
      '---\ntitle: Rollback\nseverity: urgent\nalerts: [A]\n---\nbody',
    );
    expect(parsed.metadata).toEqual({ title: 'Rollback', alerts: ['A'] });
    expect(parsed.errors).toHaveLength(1);
  });
});
