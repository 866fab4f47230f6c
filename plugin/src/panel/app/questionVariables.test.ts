/** Dashboard variables filled into a question. */
import { testTemplateSrv } from '../../testing/templateSrv';
import { expandQuestion } from './questionVariables';

const templateSrv = testTemplateSrv([
  { name: 'server', current: 'DB-EU-002' },
  { name: 'servers', current: ['WEB-US-001', 'WEB-US-002'] },
  { name: 'region', current: '$__all', options: ['eu-west-1', 'us-east-1'] },
]);
const replace = templateSrv.replace.bind(templateSrv);

describe('expandQuestion', () => {
  it.each([
    ['$server 서버에 문제가 있나요?', 'DB-EU-002 서버에 문제가 있나요?'],
    ['Compare ${servers}', 'Compare WEB-US-001, WEB-US-002'],
    ['[[region]] 상태', 'eu-west-1, us-east-1 상태'],
    ['$unknown stays as typed', '$unknown stays as typed'],
    ['  no variables  ', 'no variables'],
  ])('%s → %s', (question, expected) => {
    expect(expandQuestion(question, replace)).toBe(expected);
  });

  it("prefers the panel's scoped values (a repeated panel)", () => {
    expect(expandQuestion('$server?', replace, { server: { text: 'K8S-WORKER-03', value: 'K8S-WORKER-03' } })).toBe(
      'K8S-WORKER-03?'
    );
  });
});
