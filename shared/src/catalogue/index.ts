/** The challenge catalogue: the two-week programme, the standard check-in questions and display labels. */
export * from './challenge';
export * from './challenges';
export * from './checkInQuestions';
export * from './labels';
export * from './pledges';
