/**
 * Password policy for Jixiao accounts (API.md "Auth, organisations, users"):
 * at least 8 characters, drawn from at least 3 of the 4 classes lower case, upper case, digit, symbol.
 * Follows the 等级保护 (GB/T 22239-2019) expectation of "口令具有复杂度要求".
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MIN_CLASSES = 3;
/** argon2 input is bounded so that a 10 MB "password" cannot tie up a CPU core. */
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordRule = 'password.minLength' | 'password.maxLength' | 'password.classes';

export interface PasswordViolation {
  rule: PasswordRule;
  message: string;
}

export type CharacterClass = 'lower' | 'upper' | 'digit' | 'symbol';

export function characterClasses(password: string): Set<CharacterClass> {
  const classes = new Set<CharacterClass>();
  for (const ch of password) {
    if (/[a-z]/.test(ch)) classes.add('lower');
    else if (/[A-Z]/.test(ch)) classes.add('upper');
    else if (/[0-9]/.test(ch)) classes.add('digit');
    // Anything else printable counts as a symbol, including full-width punctuation and CJK characters.
    else if (!/\s/.test(ch)) classes.add('symbol');
  }
  return classes;
}

/** Returns every rule the password breaks; an empty list means it is acceptable. */
export function checkPasswordPolicy(password: string): PasswordViolation[] {
  const violations: PasswordViolation[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    violations.push({ rule: 'password.minLength', message: `密码长度不得少于 ${PASSWORD_MIN_LENGTH} 个字符` });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    violations.push({ rule: 'password.maxLength', message: `密码长度不得超过 ${PASSWORD_MAX_LENGTH} 个字符` });
  }
  if (characterClasses(password).size < PASSWORD_MIN_CLASSES) {
    violations.push({
      rule: 'password.classes',
      message: `密码须包含小写字母、大写字母、数字、符号中的至少 ${PASSWORD_MIN_CLASSES} 类`,
    });
  }
  return violations;
}
