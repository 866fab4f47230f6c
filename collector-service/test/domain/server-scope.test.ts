/** The id rule every surface uses: the exact id first, else the one id equal to it ignoring case. */
import { matchServerId } from '../../src/domain/server-scope';

const ids = (...names: string[]) => names.map((id) => ({ id }));

describe('matchServerId', () => {
  test('an exact id wins even where another id differs from it only in case', () => {
    expect(matchServerId(ids('web-1', 'WEB-1'), 'WEB-1')).toEqual([{ id: 'WEB-1' }]);
  });

  test('otherwise the one id equal to it ignoring case and surrounding spaces', () => {
    expect(matchServerId(ids('DB-EU-002', 'DB-EU-001'), ' db-eu-002 ')).toEqual([{ id: 'DB-EU-002' }]);
  });

  test('ids differing only in case are all returned, for the caller to refuse as ambiguous', () => {
    expect(matchServerId(ids('web-1', 'WEB-1', 'API-1'), 'Web-1')).toEqual([{ id: 'web-1' }, { id: 'WEB-1' }]);
  });

  test('an unknown id matches nothing', () => {
    expect(matchServerId(ids('WEB-1'), 'WEB-2')).toEqual([]);
  });
});
