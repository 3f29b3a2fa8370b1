Feature: Reading a saved web page
  Teachers often save a news page from the browser ("Save page as… HTML").
  mlquiz reads the article inside the page and ignores the site around it:
  menus, comment boxes and share buttons are never quoted as evidence.

  Scenario: A saved French news page is analysed like the article it contains
    Given the article file "page.fr.html"
    When the teacher runs mlquiz analyze on it with --json
    Then the command succeeds with nothing on stderr
    And the article is recognised as "fr"
    And the title is "Le marché couvert va-t-il déménager ?"
    And the headline is flagged as a question
    And "aurait" is found as a conditional cue
    And "coûterait" is found as a conditional cue
    And "Selon des sources proches" is found as an unnamed_source cue
    And the source "Selon des sources proches du conseil municipal" is anonymous
    And the source naming "Sophie Marchand" is a named_person
    And no finding quotes the menu, the comment box or the share buttons

  Scenario: A quiz made from a saved page quotes only the article
    Given the article file "page.fr.html"
    When the teacher runs mlquiz generate on it with --json
    Then the command succeeds with nothing on stderr
    And no finding quotes the menu, the comment box or the share buttons
    And every quoted passage is a sentence of the article in the page
