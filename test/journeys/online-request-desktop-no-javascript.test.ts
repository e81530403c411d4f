import { wholeRequestJourney } from './online-request-steps.js';

wholeRequestJourney('desktop', false);
