import beta
done = True
