// Deployment settings of the dashboard page. The launcher serves this file as it is; edit the copy you
// upload to the website bucket.
window.CAMPAIGNFN_DASHBOARD = {
  // The identity provider's authorization URL for a token redirect (implicit flow, response_type=token),
  // for example a Cognito hosted UI:
  //   https://<domain>.auth.<region>.amazoncognito.com/oauth2/authorize?client_id=<app client>&response_type=token&scope=openid&redirect_uri=<the page's URL>
  // The provider sends the user back to the page with #access_token=...; null hides the button, and a
  // token can still be pasted.
  signInUrl: null
};
