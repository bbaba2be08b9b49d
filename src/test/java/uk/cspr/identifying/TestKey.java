package uk.cspr.identifying;

/** A key made for one test, as an operator gives it, and the id its records will name. */
record TestKey(String base64, String id) {

  static TestKey made() {
    String key = IdentityKeys.newKey();
    return new TestKey(key, IdentityKeys.idOf(IdentityKeys.decode(key, "a test key")));
  }

  /** The property a start is given this key in as its current one. */
  String asCurrent() {
    return "cspr.identity.key=" + base64;
  }

  String asPrevious() {
    return "cspr.identity.previous-keys=" + base64;
  }
}
