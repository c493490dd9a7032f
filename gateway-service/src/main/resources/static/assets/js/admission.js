// The admission token the waiting room hands a fan for one event, kept for this tab (reserve, pay and release
// send it as X-Admission-Token).
import { session } from './auth.js';

const key = (eventId) => `surge.admission.${session()?.userId}.${eventId}`;

export const admissionToken = (eventId) => sessionStorage.getItem(key(eventId));
export const keepAdmissionToken = (eventId, token) => sessionStorage.setItem(key(eventId), token);
export const forgetAdmissionToken = (eventId) => sessionStorage.removeItem(key(eventId));
