export * from './calendar.service';
export * from './campaign-reports.service';
export * from './effect-rows';
export * from './form-transitions.service';
export * from './open-self-evaluation.service';
export * from './schemes.service';
export * from './workflow.module';
