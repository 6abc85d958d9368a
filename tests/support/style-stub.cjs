// Stylesheets imported by client modules mean nothing to a unit test.
module.exports = {};
