import { ApiError } from '../common/api-error';

/** 409 VERSION_CONFLICT: the client's version is not the current one; nothing was changed. */
export function versionConflict(currentVersion: number): ApiError {
  return new ApiError(409, 'VERSION_CONFLICT', '申报表已被修改（版本已更新），请刷新后重试', [{ currentVersion }]);
}
