import { setup } from 'xstate';
import {
  cancelDeadline,
  type CancelDeadlineParams,
  enqueueScoring,
  type EnqueueScoringParams,
  freezeRevision,
  type FreezeRevisionParams,
  notify,
  type NotifyParams,
  scheduleDeadline,
  type ScheduleDeadlineParams,
} from './effects';
import { isPermitted, type PermittedParams } from './guards';
import type { LifecycleContext, LifecycleEvent, LifecycleInput } from './types';

/**
 * Stored with every snapshot. Bump it whenever states, transitions, guards or actions change, and
 * migrate stored snapshots (the fingerprint test in machine.spec.ts fails until you do).
 */
export const MACHINE_VERSION = '1';

// Every transition has exactly this one guard: its params name who may act and which content rule
// must hold, so applyEvent can tell 403 (who) from 422 (content) with the same functions.
const permitted = (who: PermittedParams['who'], rule?: PermittedParams['rule']) => ({
  type: 'permitted' as const,
  params: rule === undefined ? { who } : { who, rule },
});

/**
 * The form lifecycle (DESIGN §2): 草稿 → 已申报 → 审核中 → 已批复 → 年终自评 → 自评审核 → 已完成, with
 * 退回修改 loops. Action implementations are no-ops: callers step it with the pure `transition()` and
 * turn the returned actions into outbox rows (see api.ts).
 */
export const lifecycleMachine = setup({
  types: {
    context: {} as LifecycleContext,
    events: {} as LifecycleEvent,
    input: {} as LifecycleInput,
  },
  guards: {
    permitted: ({ context, event }, params: PermittedParams) => isPermitted(context, event, params),
  },
  actions: {
    notify: (_, _params: NotifyParams) => undefined,
    scheduleDeadline: (_, _params: ScheduleDeadlineParams) => undefined,
    cancelDeadline: (_, _params: CancelDeadlineParams) => undefined,
    freezeRevision: (_, _params: FreezeRevisionParams) => undefined,
    enqueueScoring: (_, _params: EnqueueScoringParams) => undefined,
  },
}).createMachine({
  id: 'formLifecycle',
  initial: 'draft',
  // XState's pure transition() builds a throwaway actor without input at every step: a factory that
  // threw on it would cost an exception per event. A form's own input is checked by initialSnapshot.
  context: ({ input }) => ({ formId: input?.formId, unitId: input?.unitId, departmentId: input?.departmentId }),
  states: {
    draft: {
      on: {
        SUBMIT: {
          target: 'declared',
          guard: permitted('formUnit', 'firstSubmission'),
          actions: [freezeRevision('submitted'), scheduleDeadline('review'), notify('FORM_SUBMITTED', 'department')],
        },
      },
    },
    declared: {
      on: {
        WITHDRAW: { target: 'draft', guard: permitted('formUnit', 'withdrawBeforeDeadline'), actions: [cancelDeadline('review')] },
        START_REVIEW: { target: 'reviewing', guard: permitted('departmentReviewer') },
      },
    },
    reviewing: {
      on: {
        APPROVE: {
          target: 'approved',
          guard: permitted('departmentReviewer', 'approvedAmount'),
          actions: [
            cancelDeadline('review'),
            freezeRevision('approved'),
            notify('FORM_APPROVED', 'unit'),
          ],
        },
        RETURN: {
          target: 'returned',
          guard: permitted('departmentReviewer', 'commentRequired'),
          actions: [cancelDeadline('review'), scheduleDeadline('resubmission'), notify('FORM_RETURNED', 'unit')],
        },
      },
    },
    returned: {
      on: {
        SUBMIT: {
          target: 'declared',
          guard: permitted('formUnit', 'resubmission'),
          actions: [
            cancelDeadline('resubmission'),
            freezeRevision('submitted'),
            scheduleDeadline('review'),
            notify('FORM_SUBMITTED', 'department'),
          ],
        },
      },
    },
    approved: {
      on: {
        OPEN_SELF_EVALUATION: {
          target: 'selfEvaluation',
          guard: permitted('yearEndJob'),
          actions: [scheduleDeadline('selfEvaluation'), notify('SELF_EVALUATION_OPENED', 'unit')],
        },
      },
    },
    selfEvaluation: {
      on: {
        SUBMIT_SELF_EVALUATION: {
          target: 'selfEvaluationReview',
          guard: permitted('formUnit', 'selfEvaluationComplete'),
          actions: [cancelDeadline('selfEvaluation'), enqueueScoring(), notify('SELF_EVALUATION_SUBMITTED', 'department')],
        },
      },
    },
    selfEvaluationReview: {
      on: {
        CONFIRM_SELF_EVALUATION: {
          target: 'completed',
          guard: permitted('departmentReviewer'),
          actions: [notify('SELF_EVALUATION_CONFIRMED', 'unit')],
        },
        // The self-evaluation deadline is the campaign's; returning re-arms it for the unit.
        RETURN_SELF_EVALUATION: {
          target: 'selfEvaluation',
          guard: permitted('departmentReviewer', 'commentRequired'),
          actions: [scheduleDeadline('selfEvaluation'), notify('SELF_EVALUATION_RETURNED', 'unit')],
        },
      },
    },
    completed: { type: 'final' },
  },
});

export type LifecycleMachine = typeof lifecycleMachine;
