import { testTemplateSrv } from '../../testing/templateSrv';
import { TemplateVariableError, expandOptional, expandValues } from './templateVariables';

const templateSrv = testTemplateSrv([
  { name: 'server', current: ['DB-EU-001', 'DB-EU-002'] },
  { name: 'one', current: 'WEB-US-001' },
  { name: 'everything', current: '$__all', options: ['API-US-001', 'API-US-002', 'CACHE-EU-001'] },
  { name: 'star', current: '*' },
]);

describe('expandValues', () => {
  it.each([
    ['plain ids stay as they are', ['DB-EU-002', 'WEB-US-001'], ['DB-EU-002', 'WEB-US-001']],
    ['a multi-value variable becomes each of its values', ['$server'], ['DB-EU-001', 'DB-EU-002']],
    ['${name} and [[name]] forms expand too', ['${one}', '[[server]]'], ['WEB-US-001', 'DB-EU-001', 'DB-EU-002']],
    ['All becomes every option', ['$everything'], ['API-US-001', 'API-US-002', 'CACHE-EU-001']],
    ['duplicates from ids and variables collapse', ['DB-EU-002', '$server'], ['DB-EU-002', 'DB-EU-001']],
    ['a custom All value of * means no restriction', ['$star', 'DB-EU-002'], []],
    ['nothing chosen means no restriction', [], []],
  ])('%s', (_, entries, expected) => {
    expect(expandValues(entries, templateSrv)).toEqual(expected);
  });

  it('lets panel-repeat scoped variables win over the dashboard value', () => {
    const scoped = { server: { text: 'WEB-US-002', value: 'WEB-US-002' } };
    expect(expandValues(['$server'], templateSrv, scoped)).toEqual(['WEB-US-002']);
  });

  it('names a variable that the dashboard does not define', () => {
    expect(() => expandValues(['$region'], templateSrv)).toThrow(TemplateVariableError);
    expect(() => expandValues(['$region'], templateSrv)).toThrow(
      'Template variable $region is not defined on this dashboard.'
    );
  });
});

describe('expandOptional', () => {
  it('is empty for an empty filter and expands a variable otherwise', () => {
    expect(expandOptional(undefined, templateSrv)).toEqual([]);
    expect(expandOptional('', templateSrv)).toEqual([]);
    expect(expandOptional('$server', templateSrv)).toEqual(['DB-EU-001', 'DB-EU-002']);
  });
});
