from bench import intake

intake.main()
