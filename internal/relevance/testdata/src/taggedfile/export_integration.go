//go:build integration

package taggedfile

// AddCreditForIntegration exposes AddCredit to the integration suite.
var AddCreditForIntegration = AddCredit
