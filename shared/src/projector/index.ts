// `@open-talks/shared/projector`: the projector's choice and mode rule, outside the main barrel so
// the participant's initial bundle never carries them (only the projector and console chunks do).
export * from '../domain/projector.js';
