Feature: Printable worksheet with a separate answer key that cites the article
  Many classrooms run on paper. A teacher prints the quiz made from an article as a
  worksheet (the article with numbered paragraphs, then the questions) and an answer
  key whose citations a reader finds on paper by their ¶ number. The PDF is made by
  WeasyPrint and read back here with pdftotext.

  Scenario: A teacher prints a worksheet from the command line
    When the teacher runs mlquiz worksheet --sample fr -o worksheet.pdf
    Then the command succeeds and names the PDF it wrote
    And every page is A4 and numbered "page N / M" within its part
    And the first page has the quiz title and blank lines for "Nom :", "Classe :" and "Date :"
    And the worksheet shows the article's source and every passage label of the article
    And every question of the same quiz appears on the worksheet with its choices lettered
    And no printed line starts with ? ! ; : or » and none ends with «

  Scenario: The answer key cites the article word for word
    When the teacher runs mlquiz worksheet --sample fr -o worksheet.pdf
    Then the answer key starts on a page of its own, headed "Corrigé"
    And for every question the key gives the right answer, the explanation and each citation as "¶N — « quote »" with the words of the quote exactly as in the article

  Scenario Outline: A cited passage with quotation marks of its own is quoted with nested marks
    A speaker's words open with the article's own quotation mark; the key nests it
    (French « … “ … ” … », English “ … ‘ … ’ … ”) instead of printing « « … » ».
    When the teacher runs mlquiz worksheet --sample <language> -o worksheet.pdf
    Then no citation in the answer key doubles a quotation mark
    And the key quotes the passage starting "<start>" as "<shown>"

    Examples:
      | language | start          | shown |
      | fr       | « À ce prix-là | « “À ce prix-là, on parle de près de quarante fois son chiffre d'affaires annuel, un multiple rarement vu en Europe”, calcule Hugo Marchetti, analyste chez Norvane Research. » |
      | en       | "Any bid       | “‘Any bid would need to clear a high bar with shareholders,’ said Tomasz Wierzbicki, transport analyst at Keelstone Securities.” |

  Scenario: Two versions dealt as a class set, with matching keys
    When the teacher runs mlquiz worksheet --sample en -o class.pdf --variants 2 --copies 4
    Then the command succeeds and names the PDF it wrote
    And the PDF holds 4 copies dealt A, B, A, B, then the answer keys of versions A and B
    And every page shows its version letter
    And versions A and B list the questions in different orders
    And each version's key gives every answer by the letter and text its own sheet prints
    And every question has the same right answer in both versions

  Scenario: The answer key as a separate file, on US Letter paper
    When the teacher runs mlquiz worksheet --sample en -o sheet.pdf --key separate --paper letter
    Then the command succeeds and names the PDF it wrote
    And "sheet.pdf" has the worksheet without the key and "sheet-key.pdf" has the key alone
    And every page of both files is US Letter

  Scenario: Two-sided printing starts every copy on a sheet of its own
    When the teacher runs mlquiz worksheet question_bank/samples/takeover-talk.en.txt -o class.pdf --copies 2 --duplex
    Then the command succeeds and names the PDF it wrote
    And a copy with an odd number of pages is followed by one blank page, and so every part starts on an odd page

  Scenario: Impossible print options are refused in plain words
    When the teacher runs mlquiz worksheet --sample fr -o class.pdf --variants 3 --copies 2
    Then the command fails with exit code 2
    And stderr says "2 copies cannot hold 3 versions" in one line
    And no file "class.pdf" was written

  Scenario: A teacher whose interface is in English prints a French quiz from the web app
    Given a teacher whose browser asks for English, with the French sample published
    When they open their quiz page and download the PDF from its print form
    Then the print form was labelled in English
    And they get a PDF named after the quiz code, kept out of caches
    And the worksheet and its key are in French, headed "Nom :" and "Corrigé"

  Scenario: Printing two versions from the web app's print view
    Given a teacher whose browser asks for English, with the French sample published
    When they open the print view from the quiz page with 2 versions
    Then the print view shows versions A and B of the worksheet, then the key of each
    And the print view is marked as French and kept out of caches

  Scenario: Printing from the preview, before publishing
    Given a teacher previewing the English sample who unticks the first question
    When they download the PDF from the preview's print section
    Then the PDF has every ticked question and not the unticked one
    And no quiz was published

  Scenario: Print options the app cannot honour are explained next to the field
    Given a teacher whose browser asks for English, with the French sample published
    When they ask the quiz page's print form for 3 versions and 2 copies
    Then the quiz page comes back with status 400 and the message next to the copies field
    And the form keeps the values they typed

  Scenario: Nobody else prints a teacher's quiz and its key
    Given a teacher whose browser asks for English, with the French sample published
    Then another teacher asking for its worksheet gets "not found"
    And a visitor who is not logged in is sent to the login page

  Scenario: Markup in an article prints as plain text
    When the teacher prints an article whose text carries a script tag and a javascript: link
    Then the worksheet shows them as plain text
    And the worksheet's HTML has no script element and no javascript: link
