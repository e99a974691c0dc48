from bench import inbox, intake

intake.main()
inbox.main()
