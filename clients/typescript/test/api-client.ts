/**
 * The apiClient module seed 004's analyticsService.ts imports (the seed does not show it): an axios
 * instance on the API's base URL that sends the bearer token, as a frontend's is. The fetch adapter
 * makes responseType 'blob' answer a Blob under node, as in a browser.
 */
import axios from 'axios';

export const apiClient = axios.create({
  baseURL: process.env.CAMPAIGNFN_URL,
  headers: { Authorization: `Bearer ${process.env.CAMPAIGNFN_TOKEN}` },
  adapter: 'fetch',
  timeout: 60_000,
});
