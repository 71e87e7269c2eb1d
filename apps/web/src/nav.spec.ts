import { activeNav } from './nav';

// The reviewer's main navigation, as App.tsx has it.
const REVIEWER = [{ to: '/review' }, { to: '/forms' }, { to: '/reports' }];

describe('activeNav', () => {
  it('highlights the item of the page itself', () => {
    expect(activeNav(REVIEWER, '/review', null)).toBe('/review');
    expect(activeNav(REVIEWER, '/forms', '/review')).toBe('/forms');
    expect(activeNav(REVIEWER, '/reports/c-1', null)).toBe('/reports');
  });

  it('keeps a form page under the list it was opened from', () => {
    expect(activeNav(REVIEWER, '/forms/f-1', '/review')).toBe('/review');
    expect(activeNav(REVIEWER, '/forms/f-1/self-evaluation', '/review')).toBe('/review');
    expect(activeNav(REVIEWER, '/forms/f-1', '/forms')).toBe('/forms');
  });

  it('falls back to 全部申报表 when the form was not opened from a list of this menu', () => {
    expect(activeNav(REVIEWER, '/forms/f-1', null)).toBe('/forms');
    expect(activeNav(REVIEWER, '/forms/f-1', '/admin/users')).toBe('/forms');
    expect(activeNav(REVIEWER, '/inbox', '/review')).toBeUndefined();
  });
});
