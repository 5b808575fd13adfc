import { fillCsrfFields } from './page.js';

const params = new URLSearchParams(window.location.search);
document.getElementById('login-error').hidden = !params.has('error');
document.getElementById('logged-out').hidden = !params.has('logout');
// the cookie comes with this page: fill the token in just before sending, in case it was renewed
document.querySelector('form').addEventListener('submit', () => fillCsrfFields());
