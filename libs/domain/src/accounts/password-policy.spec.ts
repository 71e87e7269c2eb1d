import { characterClasses, checkPasswordPolicy } from './password-policy';

// Rule: ≥ 8 characters from ≥ 3 of lower / upper / digit / symbol (API.md "Auth, organisations, users").
describe('password policy', () => {
  it.each([
    ['Abcdef1!', 'four classes, exactly 8 characters'],
    ['abcdefg1!', 'lower + digit + symbol'],
    ['ABCDEFG1a', 'upper + digit + lower'],
    ['Jixiao@2026', 'the documented development admin password'],
    ['密码Abc12345', 'CJK characters count as symbols'],
  ])('accepts %s (%s)', (password) => {
    expect(checkPasswordPolicy(password)).toEqual([]);
  });

  it('rejects a password shorter than 8 characters even with 4 classes', () => {
    expect(checkPasswordPolicy('Ab1!xyz').map((v) => v.rule)).toEqual(['password.minLength']);
  });

  it('counts characters, not UTF-16 code units', () => {
    // 7 characters, one of them outside the BMP (2 code units): still too short.
    expect(checkPasswordPolicy('Ab1!xy😀').map((v) => v.rule)).toEqual(['password.minLength']);
  });

  it.each([
    ['abcdefgh', 1],
    ['abcdefg1', 2],
    ['ABCDEFG!', 2],
    ['12345678', 1],
  ])('rejects %s, which has only %i character class(es)', (password, classes) => {
    expect(characterClasses(password).size).toBe(classes);
    expect(checkPasswordPolicy(password).map((v) => v.rule)).toEqual(['password.classes']);
  });

  it('does not count spaces as a symbol', () => {
    expect(characterClasses('abc def 12')).toEqual(new Set(['lower', 'digit']));
  });

  it('reports every broken rule with a Chinese message', () => {
    const violations = checkPasswordPolicy('abc');
    expect(violations.map((v) => v.rule)).toEqual(['password.minLength', 'password.classes']);
    expect(violations.every((v) => /密码/.test(v.message))).toBe(true);
  });

  it('bounds the length so hashing cannot be abused', () => {
    expect(checkPasswordPolicy('Aa1!'.repeat(40)).map((v) => v.rule)).toEqual(['password.maxLength']);
  });
});
