import type { ratingVi } from './rating-vi';

/** English messages of the rating part (merged into `en.rating`). */
export const ratingEn = {
  title: 'How satisfied are you?',
  levels: {
    verySatisfied: 'Very satisfied',
    satisfied: 'Satisfied',
    neutral: 'Neutral',
    dissatisfied: 'Not satisfied',
    veryDissatisfied: 'Very dissatisfied',
  },
  counter: 'Counter {n}',
  idle: 'Please rate our service once you have been served',
  idleHint: 'When the officer finishes, your number appears here to be rated.',
  nothingToRate: 'This counter has no service to rate yet.',
  ask: 'Were you satisfied with the service for number {label}?',
  askPhone: 'Were you satisfied with this service?',
  reasonAsk: 'What was not right? (optional)',
  skipReason: 'Send rating',
  thanks: 'Thank you for your rating!',
  thanksHint: 'Your opinion helps the centre serve you better.',
  rated: 'You rated: {level}',
  anonymous: 'Ratings are anonymous and never tied to personal data.',
  offline: 'The rating screen is reconnecting to the server…',
  settings: {
    title: 'Satisfaction rating',
    scale: 'Scale',
    scales: { three: '3 levels (default)', five: '5 levels' },
    reasons: 'Reasons for an unhappy rating',
    reasonsHint: 'One reason per line; leave empty to ask none.',
    window: 'Time to rate at the counter (seconds)',
    windowHint: 'From when the officer finishes; on the phone until the end of the day.',
    page: "The counter's rating screen: /kiosk/rate.html, paired with the counter's code.",
  },
} satisfies typeof ratingVi;
