import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError, ErrorDetail } from './api-error';

// Chinese messages for the class-validator constraints used by the DTOs.
const MESSAGES: Record<string, (c: string) => string> = {
  whitelistValidation: () => '不允许的字段',
  isDefined: () => '必填',
  isNotEmpty: () => '不能为空',
  isString: () => '必须是字符串',
  isInt: () => '必须是整数',
  isIn: (c) => `取值无效（${c.replace(/^.*: /, '')}）`,
  isUuid: () => '必须是 UUID',
  maxLength: (c) => `长度超出上限（${c.replace(/\D+/g, ' ').trim()}）`,
  minLength: (c) => `长度不足（${c.replace(/\D+/g, ' ').trim()}）`,
  matches: () => '格式不正确',
  isObject: () => '必须是对象',
  isArray: () => '必须是数组',
  arrayNotEmpty: () => '不能为空',
  arrayMaxSize: (c) => `元素个数超出上限（${c.replace(/\D+/g, ' ').trim()}）`,
  min: (c) => `不能小于 ${c.replace(/\D+/g, ' ').trim()}`,
  max: (c) => `不能大于 ${c.replace(/\D+/g, ' ').trim()}`,
  nestedValidation: () => '必须是对象',
};

function flatten(errors: ValidationError[], parent = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const error of errors) {
    const path = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    for (const [rule, text] of Object.entries(error.constraints ?? {})) {
      details.push({ path, rule, message: MESSAGES[rule]?.(text) ?? text });
    }
    if (error.children?.length) details.push(...flatten(error.children, path));
  }
  return details;
}

/**
 * Whitelisting DTO validation: unknown fields and wrong types are 400 BAD_REQUEST with one detail per
 * problem (API.md "Errors"). Domain rules are checked later and answer 422.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => ApiError.badRequest('请求参数有误', flatten(errors)),
  });
}
