import { DEADLINE_RULES, REMINDER_KINDS, ReminderKind, reminderRecipients, reminderRule } from './kinds';
import { NOTIFICATION_TEMPLATES } from './texts';

export interface ReminderSweepRule {
  kind: ReminderKind;
  /** The form states in which the reminder still matters: in any other it is not sent. */
  states: string[];
  toUnit: boolean;
  toDepartment: boolean;
  title: string;
  body: string;
}

/**
 * The rules of DESIGN §3 as data for the sweep, which applies them in SQL to thousands of forms at a
 * time: when a reminder is moot, who receives it, and its text templates.
 */
export function reminderSweepRules(): ReminderSweepRule[] {
  return REMINDER_KINDS.map((kind) => {
    const recipients = reminderRecipients(kind);
    return {
      kind,
      states: [...DEADLINE_RULES[reminderRule(kind).deadline].pendingIn],
      toUnit: recipients.includes('unit'),
      toDepartment: recipients.includes('department'),
      title: NOTIFICATION_TEMPLATES[kind].title,
      body: NOTIFICATION_TEMPLATES[kind].body,
    };
  });
}
