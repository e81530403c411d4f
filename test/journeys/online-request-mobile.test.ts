import { wholeRequestJourney } from './online-request-steps.js';

wholeRequestJourney('mobile', true);
