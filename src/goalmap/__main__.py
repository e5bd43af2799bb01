from goalmap.cli import main

main()
